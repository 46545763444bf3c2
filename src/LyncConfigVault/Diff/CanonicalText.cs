using System.Text;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Diff;

/// <summary>
/// One line of text per value, equal exactly when two values mean the same: map keys sorted and
/// the interleaving order (_order) left out. Used to match list entries, never shown to anyone.
/// </summary>
internal static class CanonicalText
{
    public static string Of(YNode node)
    {
        if (node is YScalar scalar)
        {
            return scalar.Text;   // the common case, a usage or a gateway name: no copy
        }

        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, YNode node)
    {
        switch (node)
        {
            case YScalar scalar:
                builder.Append('"').Append(scalar.Text.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case YSeq seq:
                builder.Append('[');
                foreach (var item in seq.Items)
                {
                    Append(builder, item);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            case YMap map:
                builder.Append('{');
                foreach (var (key, value) in map.Entries.Where(e => e.Key != ElementYamlMapper.OrderKey).OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    builder.Append(key).Append(':');
                    Append(builder, value);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
        }
    }
}
