using System.Xml.Linq;

namespace LyncConfigVault.Normalize;

/// <summary>
/// One CMS document as FORMATS.md §2.2–2.3 and §2.9.1 describe it: DocItem → wrappers (Data, another,
/// or none) → AnchoredXml (Key, Dictionary of Item → Key + Value → setting). The scope framework is
/// found wherever it sits under the DocItem; anything else about it is kept generically instead.
/// </summary>
/// <param name="Wrappers">The elements between DocItem and AnchoredXml, outermost first; empty when there are none.</param>
internal sealed record CmsEnvelope(XElement DocItem, IReadOnlyList<XElement> Wrappers, XElement AnchoredXml, XElement DocumentKey, XElement Dictionary, IReadOnlyList<CmsItem> Items)
{
    public const string ScopeFrameworkNamespace = "urn:schema:Microsoft.Rtc.Management.ScopeFramework.2008";

    /// <summary>Wrappers deeper than this are not an envelope but data.</summary>
    private const int MaxWrappers = 4;

    public string ScopeClass => Field(DocumentKey, "ScopeClass") ?? "Global";

    public string ElementName =>
        (DocumentKey.Elements().FirstOrDefault(e => e.Name.LocalName == "SchemaId") is { } schemaId ? Field(schemaId, "ElementName") : null)
        ?? Items.FirstOrDefault()?.Setting.Name.LocalName
        ?? "Unknown";

    /// <summary>The one wrapper FORMATS.md assumes: Data, in the DocItem's namespace.</summary>
    public bool HasAssumedWrapper => Wrappers.Count == 1 && Wrappers[0].Name == DocItem.Name.Namespace + "Data";

    /// <summary>The envelope of <paramref name="docItem"/>, or null with the reason it is not one.</summary>
    public static CmsEnvelope? TryParse(XElement docItem, out string? problem)
    {
        var wrappers = new List<XElement>();
        var current = docItem;
        XElement? anchored = null;
        while (anchored is null)
        {
            var children = current.Elements().Take(2).ToList();
            if (HasText(current) || children.Count != 1)
            {
                problem = children.Count == 0 ? $"<{current.Name.LocalName}> holds no AnchoredXml" : $"<{current.Name.LocalName}> holds more than the AnchoredXml";
                return null;
            }

            if (children[0].Name.LocalName == "AnchoredXml")
            {
                anchored = children[0];
            }
            else if (wrappers.Count == MaxWrappers)
            {
                problem = $"no AnchoredXml within {MaxWrappers} wrappers";
                return null;
            }
            else
            {
                wrappers.Add(current = children[0]);
            }
        }

        var parts = anchored.Elements().ToList();
        if (HasText(anchored) || parts.Count != 2 || parts[0].Name.LocalName != "Key" || parts[1].Name.LocalName != "Dictionary" || HasText(parts[1]))
        {
            problem = "AnchoredXml does not hold a Key and then a Dictionary";
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
                problem = $"<{item.Name.LocalName}> in the Dictionary is not an Item with a Key and a Value holding one setting";
                return null;
            }

            items.Add(new CmsItem(item, itemParts[0], itemParts[1], itemParts[1].Elements().Single()));
        }

        problem = null;
        return new CmsEnvelope(docItem, wrappers, anchored, parts[0], parts[1], items);
    }

    /// <summary>A key field as an attribute or as a text-only child element (FORMATS.md §2.3).</summary>
    public static string? Field(XElement key, string name) =>
        key.Attribute(name)?.Value ?? key.Elements().FirstOrDefault(e => e.Name.LocalName == name && !e.HasElements)?.Value;

    private static bool HasText(XElement element) =>
        element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value));
}

/// <summary>One Item of a CMS document: the key that gives its Identity, and the setting itself.</summary>
internal sealed record CmsItem(XElement Item, XElement Key, XElement Value, XElement Setting);
