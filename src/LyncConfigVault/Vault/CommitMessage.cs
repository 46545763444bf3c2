using System.Globalization;
using System.Text;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// The commit message of a snapshot, in Lync terms: "voice: 2 changed (VoicePolicy Tag:Intl, VoiceRoute
/// LocalRoute)", one line per area, then every object, then trailers recording the run.
/// </summary>
internal static class CommitMessage
{
    private const int NamesPerArea = 3;

    public static string Summary(IReadOnlyList<StoredChange> changes)
    {
        var areas = changes.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (areas.Count == 1)
        {
            return AreaLine(areas[0]);
        }

        return string.Join("; ", areas.Select(a => $"{a.Key}: {Counts(a)}"));
    }

    public static string Build(IReadOnlyList<StoredChange> changes, bool first, IReadOnlyList<ExportRecord> exports, IReadOnlyList<string> stale, int objectCount)
    {
        var message = new StringBuilder();
        if (first)
        {
            message.Append(CultureInfo.InvariantCulture, $"first snapshot: {objectCount:N0} objects\n\n");
            foreach (var area in changes.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                message.Append(CultureInfo.InvariantCulture, $"{area.Key}: {area.Count():N0}\n");
            }
        }
        else
        {
            message.Append(Summary(changes)).Append("\n\n");
            foreach (var area in changes.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                message.Append(AreaLine(area)).Append('\n');
            }

            message.Append('\n');
            foreach (var change in changes.OrderBy(c => c.Area, StringComparer.Ordinal).ThenBy(c => c.DisplayName, StringComparer.Ordinal))
            {
                message.Append(Symbol(change.Kind)).Append(' ').Append(change.DisplayName).Append('\n');
            }
        }

        message.Append('\n');
        foreach (var export in exports)
        {
            message.Append(CultureInfo.InvariantCulture, $"Lcv-Export: {export.Kind.ToString().ToLowerInvariant()} {Path.GetFileName(export.Source)} sha256={export.Sha256[..16]} exported={export.ExportedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        foreach (var part in stale)
        {
            message.Append(CultureInfo.InvariantCulture, $"Lcv-Stale: {part} (not in this run; carried forward from the previous snapshot)\n");
        }

        message.Append(CultureInfo.InvariantCulture, $"Lcv-Host: {Environment.MachineName}\n");
        message.Append(CultureInfo.InvariantCulture, $"Lcv-Version: {typeof(CommitMessage).Assembly.GetName().Version?.ToString(3)}\n");
        return message.ToString();
    }

    private static string AreaLine(IGrouping<string, StoredChange> area)
    {
        var names = area.Select(c => c.DisplayName).Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", names.Take(NamesPerArea)) + (names.Count > NamesPerArea ? $", +{names.Count - NamesPerArea} more" : "");
        return $"{area.Key}: {Counts(area)} ({shown})";
    }

    private static string Counts(IEnumerable<StoredChange> changes)
    {
        var list = changes.ToList();
        var parts = new List<string>();
        foreach (var (kind, word) in new[] { (StoredChangeKind.Added, "added"), (StoredChangeKind.Removed, "removed"), (StoredChangeKind.Changed, "changed") })
        {
            var count = list.Count(c => c.Kind == kind);
            if (count > 0)
            {
                parts.Add($"{count} {word}");
            }
        }

        return string.Join(", ", parts);
    }

    private static char Symbol(StoredChangeKind kind) => kind switch
    {
        StoredChangeKind.Added => '+',
        StoredChangeKind.Removed => '-',
        _ => '~',
    };
}
