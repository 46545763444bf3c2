using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Report;

/// <summary>
/// An object as one line per value, for Git's textconv: "PstnUsages[2]: Premium",
/// "NormalizationRules[Name=Dublin-Local].Pattern: ^(\d{7})$". Volatile values are left out and
/// sets sorted, so a line diff of two versions shows only what the semantic diff would.
/// </summary>
internal sealed class SemanticText(LyncCatalog catalog, NoiseFilter filter)
{
    private static readonly HashSet<string> Header = [ObjectFactory.IdentityKey, ObjectFactory.NounKey];

    public string Of(YMap content)
    {
        var noun = content.Text(ObjectFactory.NounKey) ?? "";
        var entry = catalog.ForNoun(noun) ?? LyncCatalog.Unknown(noun);
        var lines = new StringBuilder();
        lines.Append(noun).Append(' ').Append(content.Text(ObjectFactory.IdentityKey)).Append('\n');
        var settings = content.Entries.Where(e => !Header.Contains(e.Key) && !filter.IsVolatile(noun, e.Key)).ToList();
        var setting = ObjectFactory.SettingKey(settings.Select(e => e.Key));
        foreach (var (key, value) in settings)
        {
            var shown = key == setting ? "" : key;
            Append(lines, value, shown, key, entry, noun, setting is null ? null : content[setting] as YMap);
        }

        return lines.ToString();
    }

    private void Append(StringBuilder lines, YNode node, string shown, string rule, CatalogEntry entry, string noun, YMap? setting)
    {
        switch (node)
        {
            case YScalar scalar:
                lines.Append(shown.Length == 0 ? "(value)" : shown).Append(": ").Append(ValueText.Of(scalar)).Append('\n');
                break;
            case YMap map:
                foreach (var (key, value) in map.Entries.Where(e => e.Key != ElementYamlMapper.OrderKey && !filter.IsVolatile(noun, $"{rule}.{e.Key}")))
                {
                    Append(lines, value, shown.Length == 0 ? key : $"{shown}.{key}", $"{rule}.{key}", entry, noun, setting);
                }

                break;
            case YSeq seq:
                var name = rule[(rule.LastIndexOf('.') + 1)..];
                var items = seq.Items.Select((item, i) => (Item: item, Label: Label(item, i, name, entry))).ToList();
                if (!entry.IsOrdered(name, setting) && !entry.KeyedLists.ContainsKey(name))
                {
                    items = items.OrderBy(i => CanonicalText.Of(i.Item), StringComparer.Ordinal).Select(i => (i.Item, "[]")).ToList();
                }

                foreach (var (item, label) in items)
                {
                    Append(lines, item, shown + label, rule, entry, noun, setting);
                }

                break;
        }
    }

    private static string Label(YNode item, int index, string list, CatalogEntry entry) =>
        entry.KeyOf(list)?.Of(item) is { } key ? $"[{key}]" : $"[{index + 1}]";
}
