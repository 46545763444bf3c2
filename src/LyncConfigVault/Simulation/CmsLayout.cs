using System.Globalization;
using System.Xml.Linq;

namespace LyncConfigVault.Simulation;

/// <summary>
/// How an Export-CsConfiguration file spells the same configuration (FORMATS.md §2.9.1). No real
/// DocItemSet.xml is public, so every layout the evidence does not rule out is writable, and tests
/// prove lcv reads each as the same objects. The assumed layout (FORMATS.md §2.2–2.4) is the default.
/// </summary>
/// <param name="Wrapper">The element between DocItem and AnchoredXml: Data (assumed), another name, or none (null).</param>
/// <param name="WrapperAttributes">DocItem and its wrapper carry attributes nobody has seen.</param>
/// <param name="KeyElements">Item key fields (TagId, SiteId, Name) and the document's ScopeClass as child elements.</param>
/// <param name="ServiceKeyText">Service keys as one SiteId-Role-Instance value, as Get-CsService prints it.</param>
/// <param name="WrappedStringLists">String lists as one wrapper of &lt;string&gt; values (XmlSerializer's List&lt;string&gt;).</param>
/// <param name="WrappedRuleLists">Rule and route lists as one wrapper holding the rules.</param>
/// <param name="Priorities">Each rule and route also writes its position as Priority.</param>
/// <param name="Utf16">DocItemSet.xml in UTF-16.</param>
/// <param name="ExtraEntries">The ZIP holds OPC entries besides the two assumed ones.</param>
internal sealed record CmsLayout(
    string? Wrapper = "Data",
    bool WrapperAttributes = false,
    bool KeyElements = false,
    bool ServiceKeyText = false,
    bool WrappedStringLists = false,
    bool WrappedRuleLists = false,
    bool Priorities = false,
    bool Utf16 = false,
    bool ExtraEntries = false)
{
    public static CmsLayout Assumed { get; } = new();

    /// <summary>The layouts lcv generate --layout writes, by name; tests run every one.</summary>
    public static IReadOnlyDictionary<string, CmsLayout> Named { get; } = new Dictionary<string, CmsLayout>(StringComparer.OrdinalIgnoreCase)
    {
        ["assumed"] = Assumed,
        ["no-wrapper"] = Assumed with { Wrapper = null },
        ["other-wrapper"] = Assumed with { Wrapper = "Content", WrapperAttributes = true },
        ["key-elements"] = Assumed with { KeyElements = true },
        ["service-text"] = Assumed with { ServiceKeyText = true },
        ["wrapped-lists"] = Assumed with { WrappedStringLists = true, WrappedRuleLists = true },
        ["priorities"] = Assumed with { Priorities = true },
        ["utf16"] = Assumed with { Utf16 = true, ExtraEntries = true },
        ["everything"] = new(Wrapper: "Document", WrapperAttributes: true, KeyElements: true, ServiceKeyText: true, WrappedStringLists: true,
            WrappedRuleLists: true, Priorities: true, Utf16: true, ExtraEntries: true),
    };

    // The generator's own knowledge of its lists, kept apart from the catalog it tests.
    private static readonly HashSet<string> StringLists = ["PstnUsages", "Usage", "PstnGatewayList"];

    private static readonly Dictionary<string, string> RuleLists = new()
    {
        ["NormalizationRules"] = "NormalizationRule",
        ["OutboundTranslationRulesList"] = "TranslationRule",
        ["Route"] = "Route",
    };

    public const string WrapperNamespaceAttribute = "urn:lcv:generator:unseen";

    /// <summary>
    /// Rewrites one DocItem written in the assumed layout into this layout, in place. Applied after the
    /// re-export noise, so a seed draws the same numbers and tells the same story in every layout.
    /// </summary>
    public void Apply(XElement docItem)
    {
        if (this == Assumed)
        {
            return;
        }

        var data = docItem.Elements().Single();
        var anchored = data.Elements().Single();
        var documentKey = anchored.Elements().First();
        foreach (var item in anchored.Elements().Last().Elements())
        {
            Key(item.Elements().First());
            var value = item.Elements().Last();
            var setting = value.Elements().Single();
            if (Priorities || WrappedRuleLists || WrappedStringLists)
            {
                Rewrite(setting);
            }
        }

        if (KeyElements && documentKey.Attribute("ScopeClass") is { } scope)
        {
            scope.Remove();
            documentKey.AddFirst(new XElement(documentKey.Name.Namespace + "ScopeClass", scope.Value));
        }

        if (WrapperAttributes)
        {
            docItem.Add(new XAttribute("Version", "2"), new XAttribute(XName.Get("Origin", WrapperNamespaceAttribute), "Xds"));
        }

        anchored.Remove();
        data.ReplaceWith(Wrapper is null ? anchored : new XElement(data.Name.Namespace + Wrapper, WrapperAttributes ? new XAttribute("Encoding", "Xml") : null, anchored));
    }

    private void Key(XElement key)
    {
        if (ServiceKeyText && key.Elements().FirstOrDefault(e => e.Name.LocalName == "ServiceId") is { } serviceId)
        {
            serviceId.Remove();
            key.SetAttributeValue("ServiceId", string.Join('-', serviceId.Attribute("SiteId")?.Value, serviceId.Attribute("RoleName")?.Value, serviceId.Attribute("Instance")?.Value));
        }

        if (KeyElements)
        {
            AttributesToElements(key);
        }
    }

    private void Rewrite(XElement element)
    {
        foreach (var child in element.Elements().ToList())
        {
            Rewrite(child);
        }

        foreach (var group in element.Elements().GroupBy(e => e.Name).ToList())
        {
            var members = group.ToList();
            var name = group.Key.LocalName;
            if (RuleLists.TryGetValue(name, out var itemName) && members.All(m => m.HasAttributes))
            {
                if (Priorities)
                {
                    for (var i = 0; i < members.Count; i++)
                    {
                        members[i].SetAttributeValue("Priority", i.ToString(CultureInfo.InvariantCulture));
                    }
                }

                if (WrappedRuleLists)
                {
                    Wrap(members, group.Key, m => new XElement(group.Key.Namespace + itemName, m.Attributes(), m.Nodes()));
                }
            }
            else if (WrappedStringLists && StringLists.Contains(name) && members.All(m => !m.HasElements && !m.HasAttributes))
            {
                Wrap(members, group.Key, m => new XElement(group.Key.Namespace + "string", m.Value));
            }
        }
    }

    private static void Wrap(List<XElement> members, XName name, Func<XElement, XElement> item)
    {
        var wrapper = new XElement(name, members.Select(item));
        members[0].AddBeforeSelf(wrapper);
        foreach (var member in members)
        {
            member.Remove();
        }
    }

    private static void AttributesToElements(XElement key)
    {
        foreach (var attribute in key.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList())
        {
            attribute.Remove();
            key.Add(new XElement(key.Name.Namespace + attribute.Name.LocalName, attribute.Value));
        }
    }
}
