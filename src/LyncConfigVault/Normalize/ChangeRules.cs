using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize.Rgs;

namespace LyncConfigVault.Normalize;

/// <summary>
/// What counts as a change in an object's values: the one definition the fingerprint (equal means no change)
/// and the property differ (what changed) both apply, so the store and the diff cannot disagree. Volatile values
/// and the interleaving order (_order) never count; a list the catalog orders compares in order, any other as a
/// set; an audio file compares as its name and content, whole.
/// </summary>
internal sealed class ChangeRules(LyncCatalog catalog, NoiseFilter filter)
{
    public CatalogEntry EntryOf(string noun) => catalog.ForNoun(noun) ?? LyncCatalog.Unknown(noun);

    /// <summary>Whether the value at <paramref name="path"/> (dotted, lists transparent; <paramref name="key"/> its last key) counts.</summary>
    public bool Counts(string noun, string path, string key) => key != ElementYamlMapper.OrderKey && !filter.IsVolatile(noun, path);

    /// <summary>A map that compares whole, by what it is (an audio file: its name and content), or null for one compared key by key.</summary>
    public static string? Whole(YMap map) => AudioReference.From(map) is { } audio ? $"audio {audio.FileName} {audio.Sha256}" : null;

    /// <summary>
    /// The text of what a value means: equal exactly when two values at <paramref name="path"/> of a <paramref name="noun"/>
    /// mean the same. <paramref name="setting"/> is the object's setting, which decides some lists' order.
    /// </summary>
    public string Text(YNode node, string path, CatalogEntry entry, string noun, YMap? setting)
    {
        var builder = new StringBuilder();
        Append(builder, node, path, entry, noun, setting);
        return builder.ToString();
    }

    public void Append(StringBuilder builder, YNode node, string path, CatalogEntry entry, string noun, YMap? setting)
    {
        switch (node)
        {
            case YScalar scalar:
                var text = scalar.Text;
                builder.Append('"').Append(text.AsSpan().IndexOfAny('\\', '"') < 0 ? text : text.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case YMap map when Whole(map) is { } whole:
                builder.Append('<').Append(whole).Append('>');
                break;
            case YMap map:
                builder.Append('{');
                foreach (var (key, value) in ByKey(map))
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (!Counts(noun, childPath, key))
                    {
                        continue;
                    }

                    builder.Append('"').Append(key).Append("\":");
                    Append(builder, value, childPath, entry, noun, setting);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case YSeq seq:
                var listName = path[(path.LastIndexOf('.') + 1)..];
                var items = seq.Items.Select(item => Text(item, path, entry, noun, setting));
                builder.Append('[').AppendJoin(',', entry.IsOrdered(listName, setting) ? items : items.Order(StringComparer.Ordinal)).Append(']');
                break;
        }
    }

    // The entries in ordinal key order, ties (a key twice) in file order, as a stable sort gives them; most maps
    // are already in that order, and are then not copied.
    private static IReadOnlyList<KeyValuePair<string, YNode>> ByKey(YMap map)
    {
        var entries = map.Entries;
        for (var i = 1; i < entries.Count; i++)
        {
            if (string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) > 0)
            {
                return [.. entries.OrderBy(e => e.Key, StringComparer.Ordinal)];
            }
        }

        return entries;
    }
}
