using System.Text;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Tests.Normalize;

/// <summary>A document lcv can only keep whole, or whose type it does not know, still gets the noise handling that needs no catalog.</summary>
public sealed class GenericDocumentTests
{
    private const string Scope = "urn:schema:Microsoft.Rtc.Management.ScopeFramework.2008";

    [Fact]
    public void A_document_of_an_unexpected_shape_re_exported_with_only_noise_is_no_change()
    {
        var first = Read(Document(Item("A", "1111", "x"), Item("B", "2222", "y")), out var reading);

        var second = Read(Document(Item("B", "9999", "y"), Item("A", "8888", "x"), prefix: true), out _);

        var kept = Assert.Single(first);
        Assert.Equal("other", kept.Area);
        Assert.Equal(Fingerprints(first), Fingerprints(second));
        var generic = Assert.Single(reading.GenericDocuments);
        Assert.Contains("Value", generic.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_change_inside_a_document_kept_whole_is_still_a_change()
    {
        var first = Read(Document(Item("A", "1111", "x"), Item("B", "2222", "y")), out _);

        var second = Read(Document(Item("A", "1111", "x"), Item("B", "2222", "changed")), out _);

        Assert.NotEqual(Fingerprints(first), Fingerprints(second));
    }

    [Fact]
    public void A_document_type_lcv_does_not_know_is_read_item_by_item_and_counted_as_generic()
    {
        var docItem = new XElement("DocItem", new XAttribute("Name", "FutureSetting"), new XElement("Data",
            new XElement(XName.Get("AnchoredXml", Scope),
                new XElement(XName.Get("Key", Scope), new XAttribute("ScopeClass", "Tag"),
                    new XElement(XName.Get("SchemaId", Scope), new XAttribute("Namespace", "urn:schema:Future.2030"), new XAttribute("ElementName", "FutureSetting"))),
                new XElement(XName.Get("Dictionary", Scope), new XAttribute("Count", 1),
                    new XElement(XName.Get("Item", Scope), new XElement(XName.Get("Key", Scope), new XAttribute("TagId", 7), new XAttribute("Name", "Pilot")),
                        new XElement(XName.Get("Value", Scope), new XAttribute("Signature", Guid.Empty), new XElement(XName.Get("FutureSetting", "urn:schema:Future.2030"), new XAttribute("Enabled", "true"))))))));

        var objects = Read(new XElement("DocItemSet", docItem), out var reading);

        var future = Assert.Single(objects);
        Assert.Equal("FutureSetting Tag:Pilot", future.DisplayName);
        Assert.Equal(1, reading.GenericItemCount);
        Assert.Null(Assert.Single(reading.Documents).Noun);
    }

    // An AnchoredXml whose Values hold two elements: not the shape lcv reads, so the DocItem is kept whole.
    private static XElement Document(XElement first, XElement second, bool prefix = false)
    {
        var anchored = new XElement(XName.Get("AnchoredXml", Scope),
            new XElement(XName.Get("Key", Scope), new XAttribute("ScopeClass", "Global"),
                new XElement(XName.Get("SchemaId", Scope), new XAttribute("Namespace", "urn:schema:Odd.2008"), new XAttribute("ElementName", "OddSettings"))),
            new XElement(XName.Get("Dictionary", Scope), new XAttribute("Count", 2), first, second));
        if (prefix)
        {
            anchored.Add(new XAttribute(XNamespace.Xmlns + "sf", Scope));
        }

        return new XElement("DocItemSet", new XElement("DocItem", new XElement("Data", anchored)));
    }

    private static XElement Item(string name, string signature, string value) =>
        new(XName.Get("Item", Scope),
            new XElement(XName.Get("Key", Scope), new XAttribute("Name", name)),
            new XElement(XName.Get("Value", Scope), new XAttribute("Signature", signature),
                new XElement(XName.Get("Odd", "urn:schema:Odd.2008"), new XAttribute("Value", value)), new XElement(XName.Get("Extra", "urn:schema:Odd.2008"))));

    private static List<LyncConfigVault.Model.LyncObject> Read(XElement root, out LyncConfigVault.Normalize.Layout.CmsReading reading)
    {
        var normalizer = new CmsNormalizer(LyncCatalog.Default, TestData.Filter);
        var objects = normalizer.Normalize(Encoding.UTF8.GetBytes(root.ToString()), "DocItemSet.xml", "DocItemSet.xml");
        reading = normalizer.Reading;
        return objects;
    }

    private static Dictionary<string, string> Fingerprints(List<LyncConfigVault.Model.LyncObject> objects)
    {
        var fingerprint = new SemanticFingerprint(LyncCatalog.Default, TestData.Filter);
        return objects.ToDictionary(o => o.Path, o => fingerprint.Of(o.Content));
    }
}
