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
        var attributes = new List<XAttribute>();
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration)
            {
                attributes.Add(attribute);
            }
        }

        var hasChildren = element.HasElements;
        if (attributes.Count == 0 && !hasChildren && ns == parentNamespace)
        {
            return new YScalar(element.Value);
        }

        var map = new YMap();
        if (ns != parentNamespace)
        {
            map.Add(NamespaceKey, ns);
        }

        var groups = hasChildren ? GroupChildren(element) : [];
        attributes.Sort((a, b) => string.CompareOrdinal(AttributeKey(a), AttributeKey(b)));
        foreach (var attribute in attributes)
        {
            var key = AttributeKey(attribute);
            var clashes = key is TextKey or ElementsKey or OrderKey or NamespaceKey || key.StartsWith('@') || groups.Exists(g => g.Key == key);
            map.Add(clashes ? "@" + key : key, attribute.Value);
        }

        var text = TextOf(element, hasChildren);
        if (text.Length > 0)
        {
            map.Add(TextKey, text);
        }

        if (!hasChildren)
        {
            return map;
        }

        YSeq? textOnly = null;
        foreach (var (name, children) in groups)
        {
            if (children.Count == 1 && !isList(name) && IsTextOnly(children[0], ns))
            {
                (textOnly ??= new YSeq()).Items.Add(new YScalar(name));
            }
        }

        if (textOnly is not null)
        {
            map.Add(ElementsKey, textOnly);
        }

        if (!IsGroupedInOrder(element, groups.Count))
        {
            map.Add(OrderKey, new YSeq(element.Elements().Select(e => (YNode)new YScalar(ChildKey(e)))));
        }

        foreach (var (name, children) in groups)
        {
            if (children.Count == 1 && !isList(name))
            {
                map.Add(name, ToYaml(children[0], ns, isList));
                continue;
            }

            var seq = new YSeq();
            foreach (var child in children)
            {
                seq.Items.Add(ToYaml(child, ns, isList));
            }

            map.Add(name, seq);
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
            var group = -1;
            for (var i = groups.Count - 1; i >= 0; i--)
            {
                if (groups[i].Key == key)
                {
                    group = i;
                    break;
                }
            }

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

    // Grouped in order when the name changes exactly (groups - 1) times from one child to the next.
    private static bool IsGroupedInOrder(XElement element, int groups)
    {
        var changes = 0;
        string? previous = null;
        foreach (var child in element.Elements())
        {
            var key = ChildKey(child);
            if (previous is not null && key != previous)
            {
                changes++;
            }

            previous = key;
        }

        return changes == groups - 1;
    }

    // Children are keyed by local name: their namespace is written inside them when it differs.
    // A child that happens to be called like one of the mapper's own keys is written \_text.
    private static string ChildKey(XElement child) =>
        child.Name.LocalName is TextKey or ElementsKey or OrderKey or NamespaceKey ? ChildEscape + child.Name.LocalName : child.Name.LocalName;

    private static string ChildName(string key) => key[0] == ChildEscape ? key[1..] : key;

    public static string AttributeKey(XAttribute attribute) =>
        attribute.Name.NamespaceName.Length == 0 ? attribute.Name.LocalName : $"{{{attribute.Name.NamespaceName}}}{attribute.Name.LocalName}";

    public static XName AttributeName(string key)
    {
        if (!key.StartsWith('{'))
        {
            return key;
        }

        var close = key.IndexOf('}');
        return XName.Get(key[(close + 1)..], key[1..close]);
    }
}
