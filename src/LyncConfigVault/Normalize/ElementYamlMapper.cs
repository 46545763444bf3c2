using System.Xml.Linq;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// The one generic rule of FORMATS.md §0 in both directions: attributes become scalars, child elements
/// of the same name become a list. Lossless: XML → YAML → XML gives the same canonical XML.
/// </summary>
/// <remarks>
/// A scalar key is an attribute unless it is named in <c>_elements</c> (a text-only child such as a
/// topology site's Name); <c>_text</c> holds text beside attributes; <c>_order</c> appears only when
/// children of different names interleave; <c>xmlns</c> only where the namespace changes; an
/// attribute whose name a child element also uses is written <c>@Name</c>.
/// </remarks>
internal static class ElementYamlMapper
{
    public const string TextKey = "_text";
    public const string ElementsKey = "_elements";
    public const string OrderKey = "_order";
    public const string NamespaceKey = "xmlns";
    private const char ChildEscape = '\\';

    /// <param name="isList">Child names that are lists even with one entry (from the catalog).</param>
    public static YNode ToYaml(XElement element, string parentNamespace, Func<string, bool> isList)
    {
        var ns = element.Name.NamespaceName;
        var hasAttributes = element.Attributes().Any(a => !a.IsNamespaceDeclaration);
        var hasChildren = element.HasElements;
        var text = TextOf(element, hasChildren);
        if (!hasAttributes && !hasChildren && ns == parentNamespace)
        {
            return new YScalar(text);
        }

        var map = new YMap();
        if (ns != parentNamespace)
        {
            map.Add(NamespaceKey, ns);
        }

        var groups = GroupChildren(element);
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(AttributeKey, StringComparer.Ordinal))
        {
            var key = AttributeKey(attribute);
            var clashes = groups.Any(g => g.Key == key) || key is TextKey or ElementsKey or OrderKey or NamespaceKey || key.StartsWith('@');
            map.Add(clashes ? "@" + key : key, attribute.Value);
        }

        if (text.Length > 0)
        {
            map.Add(TextKey, text);
        }

        var textOnlyChildren = groups
            .Where(g => g.Value.Count == 1 && !isList(g.Key) && IsTextOnly(g.Value[0], ns))
            .Select(g => g.Key)
            .ToList();
        if (textOnlyChildren.Count > 0)
        {
            map.Add(ElementsKey, new YSeq(textOnlyChildren.Select(n => (YNode)new YScalar(n))));
        }

        if (!IsGroupedInOrder(element))
        {
            map.Add(OrderKey, new YSeq(element.Elements().Select(e => (YNode)new YScalar(ChildKey(e)))));
        }

        foreach (var (name, children) in groups)
        {
            map.Add(name, children.Count == 1 && !isList(name)
                ? ToYaml(children[0], ns, isList)
                : new YSeq(children.Select(c => ToYaml(c, ns, isList))));
        }

        return map;
    }

    public static XElement ToXml(string name, YNode node, string parentNamespace)
    {
        if (node is YScalar scalar)
        {
            return new XElement(XName.Get(name, parentNamespace), scalar.Text.Length == 0 ? null : scalar.Text);
        }

        if (node is not YMap map)
        {
            throw new InvalidDataException($"element {name} cannot be a list here");
        }

        var ns = map.Text(NamespaceKey) ?? parentNamespace;
        var element = new XElement(XName.Get(name, ns));
        var elementKeys = (map[ElementsKey] as YSeq)?.Items.Select(i => i.ToString()).ToHashSet() ?? [];
        var children = new List<(string Key, Queue<XElement> Elements)>();
        foreach (var (key, value) in map.Entries)
        {
            switch (key)
            {
                case NamespaceKey or ElementsKey or OrderKey:
                    continue;
                case TextKey:
                    element.Add(new XText(value.ToString()!));
                    continue;
            }

            if (value is YScalar attribute && !elementKeys.Contains(key))
            {
                element.SetAttributeValue(AttributeName(key.StartsWith('@') ? key[1..] : key), attribute.Text);
                continue;
            }

            var items = value is YSeq seq ? seq.Items : [value];
            children.Add((key, new Queue<XElement>(items.Select(i => ToXml(ChildName(key), i, ns)))));
        }

        if (map[OrderKey] is YSeq order)
        {
            foreach (var key in order.Items.Select(i => i.ToString()!))
            {
                element.Add(children.First(c => c.Key == key).Elements.Dequeue());
            }
        }
        else
        {
            foreach (var (_, elements) in children)
            {
                element.Add(elements);
            }
        }

        return element;
    }

    /// <summary>Whitespace between child elements is indentation, not data; text of a leaf is kept verbatim.</summary>
    private static string TextOf(XElement element, bool hasChildren)
    {
        if (!hasChildren)
        {
            return element.Value;
        }

        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));
        return string.IsNullOrWhiteSpace(text) ? "" : text;
    }

    private static bool IsTextOnly(XElement child, string parentNamespace) =>
        !child.HasElements && !child.Attributes().Any(a => !a.IsNamespaceDeclaration) && child.Name.NamespaceName == parentNamespace;

    private static List<KeyValuePair<string, List<XElement>>> GroupChildren(XElement element)
    {
        var groups = new List<KeyValuePair<string, List<XElement>>>();
        foreach (var child in element.Elements())
        {
            var key = ChildKey(child);
            var group = groups.FindIndex(g => g.Key == key);
            if (group < 0)
            {
                groups.Add(new(key, [child]));
            }
            else
            {
                groups[group].Value.Add(child);
            }
        }

        return groups;
    }

    private static bool IsGroupedInOrder(XElement element)
    {
        var seen = new HashSet<string>();
        string? previous = null;
        foreach (var child in element.Elements())
        {
            var key = ChildKey(child);
            if (key != previous && !seen.Add(key))
            {
                return false;
            }

            previous = key;
        }

        return true;
    }

    // Children are keyed by local name: their namespace is written inside them when it differs.
    // A child that happens to be called like one of the mapper's own keys is written \_text.
    private static string ChildKey(XElement child) =>
        child.Name.LocalName is TextKey or ElementsKey or OrderKey or NamespaceKey ? ChildEscape + child.Name.LocalName : child.Name.LocalName;

    private static string ChildName(string key) => key[0] == ChildEscape ? key[1..] : key;

    private static string AttributeKey(XAttribute attribute) =>
        attribute.Name.NamespaceName.Length == 0 ? attribute.Name.LocalName : $"{{{attribute.Name.NamespaceName}}}{attribute.Name.LocalName}";

    private static XName AttributeName(string key)
    {
        if (!key.StartsWith('{'))
        {
            return key;
        }

        var close = key.IndexOf('}');
        return XName.Get(key[(close + 1)..], key[1..close]);
    }
}
