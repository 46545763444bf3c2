using System.IO.Hashing;
using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// A hash of what an object means, not of its bytes: volatile values left out, lists that are sets
/// sorted, ordered lists (PSTN usages, rules by priority) kept in order. Equal fingerprints = no change.
/// </summary>
internal sealed class SemanticFingerprint(LyncCatalog catalog, NoiseFilter filter)
{
    public string Of(YMap content)
    {
        var noun = content.Text(ObjectFactory.NounKey) ?? "";
        var entry = catalog.ForNoun(noun) ?? LyncCatalog.Unknown(noun);
        var builder = new StringBuilder();
        var setting = ObjectFactory.SettingKey(content.Entries.Select(e => e.Key)) is { } key ? content[key] as YMap : null;
        Append(builder, content, "", entry, noun, setting);
        // Only ever compared with fingerprints of the same lcv (the cache names its version): a fast hash, not a cryptographic one.
        return Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(builder.ToString())));
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

    private void Append(StringBuilder builder, YNode node, string path, CatalogEntry entry, string noun, YMap? setting)
    {
        switch (node)
        {
            case YScalar scalar:
                var text = scalar.Text;
                builder.Append('"').Append(text.AsSpan().IndexOfAny('\\', '"') < 0 ? text : text.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case YMap map:
                builder.Append('{');
                foreach (var (key, value) in ByKey(map))
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (key == ElementYamlMapper.OrderKey || filter.IsVolatile(noun, childPath))
                    {
                        continue;   // _order only says how set members interleaved in the file
                    }

                    builder.Append('"').Append(key).Append("\":");
                    Append(builder, value, childPath, entry, noun, setting);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case YSeq seq:
                var listName = path[(path.LastIndexOf('.') + 1)..];
                var items = seq.Items.Select(item =>
                {
                    var inner = new StringBuilder();
                    Append(inner, item, path, entry, noun, setting);
                    return inner.ToString();
                });
                builder.Append('[').AppendJoin(',', entry.IsOrdered(listName, setting) ? items : items.Order(StringComparer.Ordinal)).Append(']');
                break;
        }
    }
}
