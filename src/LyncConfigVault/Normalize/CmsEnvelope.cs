using System.Xml.Linq;

namespace LyncConfigVault.Normalize;

/// <summary>
/// One CMS document as FORMATS.md §2.2–2.3 describes it: DocItem → Data → AnchoredXml (Key, Dictionary
/// of Item → Key + Value → setting). Parsed strictly: anything else is kept generically instead.
/// </summary>
internal sealed record CmsEnvelope(XElement DocItem, XElement Data, XElement AnchoredXml, XElement DocumentKey, XElement Dictionary, IReadOnlyList<CmsItem> Items)
{
    public const string ScopeFrameworkNamespace = "urn:schema:Microsoft.Rtc.Management.ScopeFramework.2008";

    public string ScopeClass => DocumentKey.Attribute("ScopeClass")?.Value ?? "Global";

    public string ElementName =>
        DocumentKey.Elements().FirstOrDefault(e => e.Name.LocalName == "SchemaId")?.Attribute("ElementName")?.Value
        ?? Items.FirstOrDefault()?.Setting.Name.LocalName
        ?? "Unknown";

    public static CmsEnvelope? TryParse(XElement docItem)
    {
        if (HasText(docItem) || Only(docItem, "Data") is not { } data || HasText(data) || Only(data, "AnchoredXml") is not { } anchored || HasText(anchored))
        {
            return null;
        }

        var parts = anchored.Elements().ToList();
        if (parts.Count != 2 || parts[0].Name.LocalName != "Key" || parts[1].Name.LocalName != "Dictionary" || HasText(parts[1]))
        {
            return null;
        }

        var items = new List<CmsItem>();
        foreach (var item in parts[1].Elements())
        {
            var itemParts = item.Elements().ToList();
            if (item.Name.LocalName != "Item" || HasText(item) || itemParts.Count != 2
                || itemParts[0].Name.LocalName != "Key" || itemParts[1].Name.LocalName != "Value"
                || HasText(itemParts[1]) || itemParts[1].Elements().Count() != 1)
            {
                return null;
            }

            items.Add(new CmsItem(item, itemParts[0], itemParts[1], itemParts[1].Elements().Single()));
        }

        return new CmsEnvelope(docItem, data, anchored, parts[0], parts[1], items);
    }

    private static XElement? Only(XElement parent, string localName)
    {
        var children = parent.Elements().Take(2).ToList();
        return children.Count == 1 && children[0].Name.LocalName == localName ? children[0] : null;
    }

    private static bool HasText(XElement element) =>
        element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value));
}

/// <summary>One Item of a CMS document: the key that gives its Identity, and the setting itself.</summary>
internal sealed record CmsItem(XElement Item, XElement Key, XElement Value, XElement Setting);
