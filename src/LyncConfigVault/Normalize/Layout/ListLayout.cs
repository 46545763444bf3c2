using System.Globalization;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Layout;

/// <summary>
/// The two ways a list can be written (FORMATS.md §2.9.1): its values repeated as elements named
/// after the list (assumed), or one element of that name wrapping them (XmlSerializer's form,
/// &lt;PstnUsages&gt;&lt;string&gt;a&lt;/string&gt;…); and rule order implied by position, or also written as
/// a Priority per rule. Read into the repeated, position-only form, so a list means the same in every
/// layout and a Priority that restates a position is never a change; Export keeps what to write back.
/// </summary>
/// <param name="isList">Which child names are lists (the catalog's, plus the children split out of the document).</param>
/// <param name="isOrdered">Which lists are ordered by priority.</param>
/// <param name="stopAt">Children not to look inside: split-out objects, read with their own catalog entry.</param>
internal sealed class ListLayout(Func<string, bool> isList, Func<string, bool> isOrdered, IReadOnlySet<string> stopAt)
{
    /// <summary>Export key: list name → the item element its wrapper held.</summary>
    public const string WrappedKey = "WrappedLists";

    /// <summary>Export key: list name → the Priority of its first rule (0 or 1).</summary>
    public const string PrioritiesKey = "Priorities";

    private const string PriorityAttribute = "Priority";

    /// <summary>The layout of one catalog type's setting element.</summary>
    public static ListLayout For(CatalogEntry entry)
    {
        var splits = entry.Splits.Where(r => r.Wrapper is null && r.Child != "*").ToList();
        var stop = entry.Splits.Select(r => r.Child).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ListLayout(
            name => entry.IsList(name) || splits.Exists(r => r.Child.Equals(name, StringComparison.OrdinalIgnoreCase)),
            name => entry.IsOrdered(name) || splits.Exists(r => r.Ordered && r.Child.Equals(name, StringComparison.OrdinalIgnoreCase)),
            stop);
    }

    /// <summary>Whether the type has any list this layout could touch: most settings have none and are not walked.</summary>
    public static bool Applies(CatalogEntry entry) =>
        entry.Lists.Count > 0 || entry.OrderedLists.Count > 0 || entry.KeyedLists.Count > 0 || entry.Splits.Any(r => r.Wrapper is null);

    /// <summary>Unwraps wrapped lists and drops position-restating priorities in place; records both in <paramref name="export"/>.</summary>
    public void Read(XElement element, YMap export)
    {
        var wrapped = new YMap();
        var priorities = new YMap();
        Read(element, wrapped, priorities);
        if (wrapped.Count > 0)
        {
            export.Add(WrappedKey, wrapped);
        }

        if (priorities.Count > 0)
        {
            export.Add(PrioritiesKey, priorities);
        }
    }

    /// <summary>Writes <paramref name="element"/>'s lists back the way <paramref name="export"/> says they were read.</summary>
    public void Write(XElement element, YMap? export)
    {
        if (export?[WrappedKey] is YMap || export?[PrioritiesKey] is YMap)
        {
            Write(element, export[WrappedKey] as YMap ?? new YMap(), export[PrioritiesKey] as YMap ?? new YMap());
        }
    }

    private void Read(XElement element, YMap wrapped, YMap priorities)
    {
        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName).ToList())
        {
            var members = group.ToList();
            if (members.Count == 1 && isList(group.Key) && Items(members[0]) is { } items)
            {
                Set(wrapped, group.Key, items[0].Name.LocalName);
                members = Unwrap(members[0], items);
            }

            if (isOrdered(group.Key) && RestatedBase(members) is { } first)
            {
                Set(priorities, group.Key, first.ToString(CultureInfo.InvariantCulture));
                Reorder(members);
            }
        }

        foreach (var child in element.Elements().Where(c => !stopAt.Contains(c.Name.LocalName)))
        {
            Read(child, wrapped, priorities);
        }
    }

    private void Write(XElement element, YMap wrapped, YMap priorities)
    {
        foreach (var child in element.Elements().Where(c => !stopAt.Contains(c.Name.LocalName)).ToList())
        {
            Write(child, wrapped, priorities);
        }

        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName).ToList())
        {
            var members = group.ToList();
            if (priorities.Text(group.Key) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var first))
            {
                for (var i = 0; i < members.Count; i++)
                {
                    members[i].SetAttributeValue(PriorityAttribute, (first + i).ToString(CultureInfo.InvariantCulture));
                }
            }

            if (wrapped.Text(group.Key) is { } itemName)
            {
                var wrapper = new XElement(members[0].Name, members.Select(m => new XElement(m.Name.Namespace + itemName, m.Attributes(), m.Nodes())));
                members[0].AddBeforeSelf(wrapper);
                members.ForEach(m => m.Remove());
            }
        }
    }

    /// <summary>The items of a wrapper: it has no attributes and no text, and holds one or more elements of one name.</summary>
    private static List<XElement>? Items(XElement candidate)
    {
        if (candidate.Attributes().Any(a => !a.IsNamespaceDeclaration) || candidate.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            return null;
        }

        var items = candidate.Elements().ToList();
        return items.Count > 0 && items.TrueForAll(i => i.Name == items[0].Name) ? items : null;
    }

    private static List<XElement> Unwrap(XElement wrapper, List<XElement> items)
    {
        var members = items.Select(i => new XElement(wrapper.Name, i.Attributes(), i.Nodes())).ToList();
        wrapper.ReplaceWith(members);
        return members;
    }

    /// <summary>The first priority when every member has one and together they only count positions (0, 1, 2 … or 1, 2, 3 …).</summary>
    private static int? RestatedBase(List<XElement> members)
    {
        var values = new List<int>();
        foreach (var member in members)
        {
            if (!int.TryParse(member.Attribute(PriorityAttribute)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            values.Add(value);
        }

        values.Sort();
        var first = values.Count > 0 ? values[0] : -1;
        return first is 0 or 1 && values.Select((v, i) => v == first + i).All(b => b) ? first : null;
    }

    // The priorities say the order: members take their slots among their siblings in priority order.
    private static void Reorder(List<XElement> members)
    {
        var ordered = members.OrderBy(m => int.Parse(m.Attribute(PriorityAttribute)!.Value, CultureInfo.InvariantCulture)).ToList();
        if (ordered.SequenceEqual(members))
        {
            members.ForEach(m => m.Attribute(PriorityAttribute)!.Remove());
            return;
        }

        var placeholders = members.Select(m =>
        {
            var mark = new XComment("slot");
            m.AddBeforeSelf(mark);
            m.Remove();
            return mark;
        }).ToList();
        for (var i = 0; i < placeholders.Count; i++)
        {
            ordered[i].Attribute(PriorityAttribute)!.Remove();
            placeholders[i].ReplaceWith(ordered[i]);
        }
    }

    private static void Set(YMap map, string key, string value)
    {
        if (map[key] is null)
        {
            map.Add(key, value);
        }
    }
}
