using System.Globalization;
using System.Text;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Rgs;

namespace LyncConfigVault.Report;

/// <summary>Values and property changes on one line, the way every text view prints them.</summary>
internal static class ValueText
{
    /// <summary>A scalar as it is; an empty one as ""; lists as [a, b]; maps as {Key: value, …}.</summary>
    public static string Of(YNode? node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    /// <summary>Lists this long are shown whole when an entry moves; longer ones (routes) around the entry that moved.</summary>
    private const int WholeOrder = 12;

    /// <summary>What happened to the value, without the path: "true → false", "Local, Emergency → Emergency, Local", "added: Premium".</summary>
    public static string Describe(PropertyChange change) => change.Kind switch
    {
        PropertyChangeKind.Changed when AudioReference.From(change.Old) is { } before && AudioReference.From(change.New) is { } after => AudioReference.Change(before, after),
        PropertyChangeKind.Changed => $"{Of(change.Old)} → {Of(change.New)}",
        PropertyChangeKind.Moved when change.Order is { } order => Moved(change, order),
        PropertyChangeKind.Moved when change.Path == ObjectFactory.PriorityKey => string.Create(CultureInfo.InvariantCulture, $"priority {change.From} → {change.To}"),
        PropertyChangeKind.Moved => string.Create(CultureInfo.InvariantCulture, $"{Of(change.New)} moved, position {change.From + 1} → {change.To + 1}"),
        PropertyChangeKind.Added when change.To is { } to => string.Create(CultureInfo.InvariantCulture, $"added {Of(change.New)} at position {to + 1}"),
        PropertyChangeKind.Added => $"added {Of(change.New)}",
        PropertyChangeKind.Removed when change.From is { } from => string.Create(CultureInfo.InvariantCulture, $"removed {Of(change.Old)} from position {from + 1}"),
        _ => $"removed {Of(change.Old)}",
    };

    /// <summary>What happened, for a view that shows the value beside it: "added at position 3", "moved, position 2 → 1".</summary>
    public static string Note(PropertyChange change) => change.Kind switch
    {
        PropertyChangeKind.Moved when change.Order is { } order => Position(Of(change.New), order),
        PropertyChangeKind.Changed when AudioReference.From(change.Old)?.FileName is { } name && name == AudioReference.From(change.New)?.FileName => "replaced",
        PropertyChangeKind.Moved when change.Path == ObjectFactory.PriorityKey => string.Create(CultureInfo.InvariantCulture, $"priority {change.From} → {change.To}"),
        PropertyChangeKind.Moved => string.Create(CultureInfo.InvariantCulture, $"moved, position {change.From + 1} → {change.To + 1}"),
        PropertyChangeKind.Added when change.To is { } to => string.Create(CultureInfo.InvariantCulture, $"added at position {to + 1}"),
        PropertyChangeKind.Removed when change.From is { } from => string.Create(CultureInfo.InvariantCulture, $"removed from position {from + 1}"),
        _ => JsonReportWriter.Word(change.Kind),
    };

    /// <summary>
    /// The list before and after a move, as the admin reads it: "Local, National, Emergency" and
    /// "Emergency, Local, National"; a long list (routes) around the entry that moved.
    /// </summary>
    public static (string Before, string After) Order(PropertyChange change) =>
        change.Order is { } order ? (Window(order.Before, Of(change.New)), Window(order.After, Of(change.New))) : (Of(change.Old), Of(change.New));

    /// <summary>The changes a view lists: one line for a list that several moves reordered.</summary>
    public static IEnumerable<PropertyChange> Shown(IEnumerable<PropertyChange> properties)
    {
        var orders = new HashSet<ListOrder>(ReferenceEqualityComparer.Instance);
        return properties.Where(p => p.Order is null || orders.Add(p.Order));
    }

    private static string Moved(PropertyChange change, ListOrder order)
    {
        var (before, after) = Order(change);
        return Math.Max(order.Before.Count, order.After.Count) <= WholeOrder
            ? $"{before} → {after}"
            : $"{Position(Of(change.New), order)}: {before} → {after}";
    }

    private static string Position(string item, ListOrder order) =>
        string.Create(CultureInfo.InvariantCulture, $"{item} moved, position {IndexOf(order.Before, item) + 1} → {IndexOf(order.After, item) + 1}");

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Window(IReadOnlyList<string> list, string item)
    {
        if (list.Count <= WholeOrder)
        {
            return string.Join(", ", list);
        }

        var at = Math.Max(0, IndexOf(list, item));
        var first = Math.Max(0, at - 2);
        var last = Math.Min(list.Count - 1, at + 2);
        return (first > 0 ? "…, " : "") + string.Join(", ", list.Skip(first).Take(last - first + 1)) + (last < list.Count - 1 ? ", …" : "");
    }

    /// <summary>"2026-11-24 02:20 (71d4e0d, HEAD)", or the export files as the admin named them, with their export time.</summary>
    public static string Side(DiffSide side)
    {
        var when = side.Date is { } date ? date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " : "";
        if (IsCommit(side.Revision))
        {
            var shortId = side.Revision[..7];
            return side.Label.Length == 0 || side.Revision.StartsWith(side.Label, StringComparison.OrdinalIgnoreCase)
                ? $"{when}({shortId})"
                : $"{when}({shortId}, {side.Label})";
        }

        return $"{when}({side.Label})";
    }

    public static string ObjectLine(ObjectChange change) => change.Kind switch
    {
        ObjectChangeKind.Renamed when change.Properties.Count == 0 => $"{change.DisplayName}, renamed from {change.OldIdentity} (same settings)",
        ObjectChangeKind.Renamed => $"{change.DisplayName}, renamed from {change.OldIdentity}",
        _ => change.DisplayName,
    };

    public static char Symbol(ObjectChangeKind kind) => kind switch
    {
        ObjectChangeKind.Added => '+',
        ObjectChangeKind.Removed => '-',
        ObjectChangeKind.Renamed => '>',
        _ => '~',
    };

    private static bool IsCommit(string revision) => revision.Length == 40 && revision.All(char.IsAsciiHexDigitLower);

    private static void Append(StringBuilder builder, YNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("(none)");
                break;
            case YScalar { Text.Length: 0 }:
                builder.Append("\"\"");
                break;
            case YScalar scalar:
                builder.Append(scalar.Text.Replace("\r", "\\r").Replace("\n", "\\n"));
                break;
            case YSeq seq:
                builder.Append('[');
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    Append(builder, seq.Items[i]);
                }

                builder.Append(']');
                break;
            case YMap map when AudioReference.From(map) is { } audio:
                builder.Append(audio);
                break;
            case YMap map:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in map.Entries.Where(e => e.Key != ElementYamlMapper.OrderKey))
                {
                    builder.Append(first ? "" : ", ").Append(key).Append(": ");
                    Append(builder, value);
                    first = false;
                }

                builder.Append('}');
                break;
        }
    }
}
