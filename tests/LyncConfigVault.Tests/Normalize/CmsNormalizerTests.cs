using System.Text;
using System.Xml.Linq;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Tests.Normalize;

public sealed class CmsNormalizerTests
{
    private static List<LyncObject> Example() => TestData.NormalizeCms(File.ReadAllBytes(TestData.Path("formats-docitemset-example.xml")));

    [Fact]
    public void The_documented_example_gives_one_object_per_item_with_cmdlet_identities()
    {
        var names = Example().Select(o => $"{o.DisplayName} @ {o.Path}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
        [
            "DialPlan Site:London @ cms/voice/DialPlan/Site/London.yaml",
            "RoutingConfiguration Global @ cms/voice/RoutingConfiguration/Global.yaml",
            "VoicePolicy Tag:VP-London-International @ cms/voice/VoicePolicy/Tag/VP-London-International.yaml",
            "VoicePolicy Tag:VP-London-National @ cms/voice/VoicePolicy/Tag/VP-London-National.yaml",
            "VoiceRoute LHR-International @ cms/voice/VoiceRoute/LHR-International.yaml",
            "VoiceRoute LHR-National @ cms/voice/VoiceRoute/LHR-National.yaml",
        ], names);
    }

    [Fact]
    public void A_voice_policy_file_reads_as_the_admin_knows_it()
    {
        var policy = Example().Single(o => o.Identity.ToString() == "Tag:VP-London-National");

        var yaml = YamlText.Write(policy.Content);

        Assert.StartsWith("""
            Identity: Tag:VP-London-National
            Noun: VoicePolicy
            Key:
              Name: VP-London-National
              TagId: 1846306791
            VoicePolicy:
              AllowCallForwarding: true
              AllowPSTNReRouting: true
              AllowSimulRing: true
              Description: UK national only
            """.ReplaceLineEndings("\n"), yaml);
        Assert.Contains("  PstnUsages:\n  - UK-Local\n  - UK-National\n", yaml);
        Assert.Contains("    Signature: '5b9d2f0e-7c1a-4e43-9f8e-2a6d1c0b7e31'\n", yaml);
    }

    [Fact]
    public void Routes_carry_their_priority_from_the_list_order()
    {
        var routes = Example().Where(o => o.Noun == "VoiceRoute").ToDictionary(o => o.Identity.ToString(), o => o.Content.Text("Priority"));

        Assert.Equal("0", routes["LHR-National"]);
        Assert.Equal("1", routes["LHR-International"]);
    }

    [Fact]
    public void Normalization_rules_stay_inside_their_dial_plan_in_priority_order()
    {
        var plan = Example().Single(o => o.Noun == "DialPlan");

        var rules = (YSeq)((YMap)plan.Content["LocationProfile"]!)["NormalizationRules"]!;

        Assert.Equal(["UK-Internal-4digit", "UK-National", "UK-International"], rules.Items.Select(r => ((YMap)r).Text("Name")));
    }

    [Fact]
    public void Site_and_tag_keys_are_read_from_child_elements_as_well_as_attributes()
    {
        var xml = File.ReadAllText(TestData.Path("formats-docitemset-example.xml"))
            .Replace("<Key SiteId=\"2\" Name=\"London\" />", "<Key><SiteId>2</SiteId><Name>London</Name></Key>")
            .Replace("<Key TagId=\"1846306791\" Name=\"VP-London-National\" />", "<Key><TagId>1846306791</TagId><Name>VP-London-National</Name></Key>");

        var identities = TestData.NormalizeCms(Encoding.UTF8.GetBytes(xml)).Select(o => o.Identity.ToString()).ToList();

        Assert.Contains("Site:London", identities);
        Assert.Contains("Tag:VP-London-National", identities);
    }

    [Fact]
    public void A_service_scoped_trunk_is_named_after_its_gateway_through_the_topology()
    {
        var night = LyncConfigVault.Simulation.SyntheticNights.Generate(3, 1).Single();
        var archive = LyncConfigVault.Formats.ExportArchive.FromBytes("CsConfiguration.zip", night.CmsArchive, LyncConfigVault.Formats.ArchiveLimits.Default);

        var objects = TestData.NormalizeCms(archive.Entry("DocItemSet.xml")!);

        Assert.Contains(objects, o => o.DisplayName == "TrunkConfiguration Service:PstnGateway:dubgw01.fabrikam.com"
            && o.Path == "cms/trunk/TrunkConfiguration/Service/PstnGateway/dubgw01.fabrikam.com.yaml");
        Assert.Contains(objects, o => o.DisplayName == "Service MediationServer:dubpool01.fabrikam.com");
        Assert.Contains(objects, o => o.DisplayName == "Service UserDatabase:dubsql01.fabrikam.com");
    }

    [Fact]
    public void A_document_nobody_catalogued_is_kept_losslessly_under_other()
    {
        var xml = File.ReadAllText(TestData.Path("formats-docitemset-example.xml"))
            .Replace("ElementName=\"LocationProfile\"", "ElementName=\"FutureThing\"")
            .Replace("<LocationProfile ", "<FutureThing ").Replace("</LocationProfile>", "</FutureThing>");

        var objects = TestData.NormalizeCms(Encoding.UTF8.GetBytes(xml));

        var unknown = Assert.Single(objects, o => o.Noun == "FutureThing");
        Assert.Equal("other", unknown.Area);
        Assert.Equal("cms/other/FutureThing/Site/London.yaml", unknown.Path);
        Assert.Equal(TestData.Canonical(XDocument.Parse(xml)), TestData.Canonical(TestData.RebuildThroughYaml(objects)));
    }

    [Fact]
    public void A_docitem_of_an_unexpected_shape_is_stored_whole_not_dropped()
    {
        var xml = File.ReadAllText(TestData.Path("formats-docitemset-example.xml"))
            .Replace("</DocItemSet>", "<DocItem Name=\"odd\"><Data><Something Else=\"1\">text</Something></Data></DocItem></DocItemSet>");

        var objects = TestData.NormalizeCms(Encoding.UTF8.GetBytes(xml));

        Assert.Contains(objects, o => o.Path == "cms/other/DocItem/odd.yaml");
        Assert.Equal(TestData.Canonical(XDocument.Parse(xml)), TestData.Canonical(TestData.RebuildThroughYaml(objects)));
    }

    [Fact]
    public void The_same_export_bytes_give_the_same_yaml_bytes()
    {
        var first = Example().ToDictionary(o => o.Path, o => YamlText.Write(o.Content));
        var second = Example().ToDictionary(o => o.Path, o => YamlText.Write(o.Content));

        Assert.Equal(first, second);
    }
}
