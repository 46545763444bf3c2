using System.Xml.Linq;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Tests.Normalize;

public sealed class ElementYamlMapperTests
{
    [Theory]
    [InlineData("<A x='1'><B>text</B><C/><B>two</B></A>")]
    [InlineData("<A Name='attr'><Name>child</Name></A>")]
    [InlineData("<A xmlns='urn:a'><B xmlns='urn:b' k='v'/><C>t</C></A>")]
    [InlineData("<A k='v'>text beside attributes</A>")]
    [InlineData("<A><_text>x</_text></A>")]
    [InlineData("<A xmlns:x='urn:x' x:k='1' k='2'/>")]
    [InlineData("<A><B>  spaced  </B><B/><B></B></A>")]
    [InlineData("<p:A xmlns:p='urn:p'><p:B p:c='1'/></p:A>")]
    public void Any_element_survives_yaml_and_back(string xml)
    {
        var element = XElement.Parse(xml);

        var yaml = YamlText.Write(new LyncConfigVault.Model.YMap().Add("A", ElementYamlMapper.ToYaml(element, "", _ => false)));
        var back = ElementYamlMapper.ToXml("A", YamlText.Read(yaml, "t.yaml")["A"]!, "");

        Assert.Equal(CanonicalXml.Of(element), CanonicalXml.Of(back));
    }

    [Fact]
    public void The_real_cms_document_survives_yaml_and_back()
    {
        var document = TestData.Xml("samples/cms-anchoredxml-serviceassignments.xml").Root!;

        var node = ElementYamlMapper.ToYaml(document, "", _ => false);
        var yaml = YamlText.Write(new LyncConfigVault.Model.YMap().Add("AnchoredXml", node));
        var back = ElementYamlMapper.ToXml("AnchoredXml", YamlText.Read(yaml, "t.yaml")["AnchoredXml"]!, "");

        Assert.Equal(CanonicalXml.Of(document), CanonicalXml.Of(back));
        Assert.Contains("TagId: 659550892", yaml);
    }

    [Fact]
    public void A_catalogued_list_is_a_list_even_with_one_entry()
    {
        var element = XElement.Parse("<VoicePolicy><PstnUsages>Local</PstnUsages></VoicePolicy>");

        var yaml = YamlText.Write(new LyncConfigVault.Model.YMap().Add("VoicePolicy", ElementYamlMapper.ToYaml(element, "", n => n == "PstnUsages")));

        Assert.Equal("VoicePolicy:\n  PstnUsages:\n  - Local\n", yaml);
    }
}
