using System.Globalization;
using System.Text;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// The commit message of a snapshot, in Lync terms: "voice: 2 changed (VoicePolicy Tag:Intl, VoiceRoute
/// LocalRoute)", then every object with what changed in it, then trailers recording the run.
/// </summary>
internal static class CommitMessage
{
    // Every snapshot commit records the exports it read; settings commits (and an admin's own) never do.
    private const string ExportTrailer = "Lcv-Export: ";
    private const string StaleTrailer = "Lcv-Stale: ";
    private const int NamesPerArea = 3;
    private const int DetailsPerObject = 12;
    private const int ObjectsListed = 200;
    private static readonly string[] Kinds = ["added", "removed", "changed", "renamed"];

    /// <summary>Whether a commit is a snapshot (lcv stored exports in it), not a change of the vault's settings.</summary>
    public static bool IsSnapshot(LibGit2Sharp.Commit commit) =>
        commit.Message.StartsWith(ExportTrailer, StringComparison.Ordinal) || commit.Message.Contains("\n" + ExportTrailer, StringComparison.Ordinal);

    /// <summary>The parts a snapshot carried forward from the one before (its Lcv-Stale trailers): they hold an older night's files.</summary>
    public static IReadOnlyList<string> StaleParts(LibGit2Sharp.Commit commit) =>
        commit.Message.Split('\n')
            .Where(l => l.StartsWith(StaleTrailer, StringComparison.Ordinal))
            .Select(l => l[StaleTrailer.Length..].Split(' ')[0])
            .ToList();

    public static string Summary(IReadOnlyList<DescribedChange> changes)
    {
        var areas = changes.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (areas.Count == 1)
        {
            return AreaLine(areas[0]);
        }

        return string.Join("; ", areas.Select(a => $"{a.Key}: {Counts(a)}"));
    }

    public static string First(int objectCount, IReadOnlyList<StoredChange> changes)
    {
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"first snapshot: {objectCount:N0} objects\n\n");
        foreach (var area in changes.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            message.Append(CultureInfo.InvariantCulture, $"{area.Key}: {area.Count():N0}\n");
        }

        return message.ToString();
    }

    /// <param name="rewritten">Objects the settings rewrote besides (a filter rule added), in words; said after the admin's changes.</param>
    public static string Changes(IReadOnlyList<DescribedChange> changes, string? rewritten = null)
    {
        var message = new StringBuilder();
        message.Append(Summary(changes)).Append("\n\n");
        if (rewritten is not null)
        {
            message.Append(RewrittenSummary(rewritten)).Append("\n\n");
        }

        var areas = changes.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (areas.Count > 1)
        {
            foreach (var area in areas)
            {
                message.Append(AreaLine(area)).Append('\n');
            }

            message.Append('\n');
        }

        var ordered = changes.OrderBy(c => c.Area, StringComparer.Ordinal).ThenBy(c => c.DisplayName, StringComparer.Ordinal).ToList();
        foreach (var change in ordered.Take(ObjectsListed))
        {
            message.Append(Symbol(change.Kind)).Append(' ').Append(change.DisplayName).Append('\n');
            foreach (var detail in change.Details.Take(DetailsPerObject))
            {
                message.Append("    ").Append(detail).Append('\n');
            }

            if (change.Details.Count > DetailsPerObject)
            {
                message.Append(CultureInfo.InvariantCulture, $"    … and {change.Details.Count - DetailsPerObject} more\n");
            }
        }

        if (ordered.Count > ObjectsListed)
        {
            message.Append(CultureInfo.InvariantCulture, $"… and {ordered.Count - ObjectsListed:N0} more objects (lcv diff shows them all)\n");
        }

        return message.ToString();
    }

    /// <summary>A snapshot whose only changes the settings made (a filter rule added or removed): labelled as such, never as admin changes.</summary>
    public static string Rewritten(string rewritten) =>
        $"{RewrittenSummary(rewritten)}\n\nNo configuration changed in Lync: the stored files follow .lcv/filters.yaml, which changed since the last snapshot.\n";

    private static string RewrittenSummary(string rewritten) => $"settings: {rewritten}";

    /// <summary>A settings commit: what the command did, the lines of the file it changed, and a trailer naming the file.</summary>
    public static string Settings(string summary, string path, string before, string after)
    {
        const int LinesShown = 40;
        var message = new StringBuilder(summary.TrimEnd()).Append("\n\n");
        var lines = DiffPlex.DiffBuilder.InlineDiffBuilder.Diff(before, after).Lines
            .Where(l => l.Type is DiffPlex.DiffBuilder.Model.ChangeType.Inserted or DiffPlex.DiffBuilder.Model.ChangeType.Deleted)
            .Select(l => (l.Type == DiffPlex.DiffBuilder.Model.ChangeType.Inserted ? "+ " : "- ") + l.Text)
            .ToList();
        foreach (var line in lines.Take(LinesShown))
        {
            message.Append("    ").Append(line).Append('\n');
        }

        if (lines.Count > LinesShown)
        {
            message.Append(CultureInfo.InvariantCulture, $"    … and {lines.Count - LinesShown} more lines\n");
        }

        message.Append(CultureInfo.InvariantCulture, $"\nLcv-Settings: {path}\n");
        message.Append(CultureInfo.InvariantCulture, $"Lcv-Host: {Environment.MachineName}\n");
        return message.ToString();
    }

    /// <summary>A part retired: what was removed and why, and a trailer naming the part.</summary>
    public static string Retired(string summary, string part) =>
        $"{summary}\n\nThe runs no longer carry it forward; its history stays in the commits before this one.\n\nLcv-Retired: {part}\nLcv-Host: {Environment.MachineName}\n";

    /// <summary>The trailers recording the run: each export read, parts carried forward, host and version.</summary>
    public static string Trailers(IReadOnlyList<ExportRecord> exports, IReadOnlyList<StalePart> stale, CollectionNotes? notes = null)
    {
        var message = new StringBuilder("\n");
        foreach (var export in exports)
        {
            message.Append(CultureInfo.InvariantCulture, $"{ExportTrailer}{export.Kind.ToString().ToLowerInvariant()} {Path.GetFileName(export.Source)} sha256={export.Sha256[..16]} exported={export.ExportedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        foreach (var part in stale)
        {
            // A trailer is one line: a cmdlet's words may hold several.
            var reason = string.Join(' ', part.Reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            message.Append(CultureInfo.InvariantCulture, $"{StaleTrailer}{part.Part} ({reason}; carried forward from the previous snapshot)\n");
        }

        foreach (var line in notes?.NotCollected ?? [])
        {
            message.Append(CultureInfo.InvariantCulture, $"Lcv-Not-Collected: {line}\n");
        }

        if (notes is not null)
        {
            message.Append(CultureInfo.InvariantCulture, $"Lcv-Lync: {notes.Product}\n");
        }

        message.Append(CultureInfo.InvariantCulture, $"Lcv-Host: {Environment.MachineName}\n");
        message.Append(CultureInfo.InvariantCulture, $"Lcv-Version: {typeof(CommitMessage).Assembly.GetName().Version?.ToString(3)}\n");
        return message.ToString();
    }

    private static string AreaLine(IGrouping<string, DescribedChange> area)
    {
        var names = area.Select(c => c.DisplayName).Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", names.Take(NamesPerArea)) + (names.Count > NamesPerArea ? $", +{names.Count - NamesPerArea} more" : "");
        return $"{area.Key}: {Counts(area)} ({shown})";
    }

    private static string Counts(IEnumerable<DescribedChange> changes)
    {
        var list = changes.ToList();
        return string.Join(", ", Kinds.Select(kind => (Kind: kind, Count: list.Count(c => c.Kind == kind))).Where(k => k.Count > 0).Select(k => $"{k.Count} {k.Kind}"));
    }

    private static char Symbol(string kind) => kind switch
    {
        "added" => '+',
        "removed" => '-',
        "renamed" => '>',
        _ => '~',
    };
}
