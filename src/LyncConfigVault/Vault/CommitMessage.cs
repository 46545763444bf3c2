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
    private const int NamesPerArea = 3;
    private const int DetailsPerObject = 12;
    private const int ObjectsListed = 200;
    private static readonly string[] Kinds = ["added", "removed", "changed", "renamed"];

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

    public static string Changes(IReadOnlyList<DescribedChange> changes)
    {
        var message = new StringBuilder();
        message.Append(Summary(changes)).Append("\n\n");
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

    /// <summary>The trailers recording the run: each export read, parts carried forward, host and version.</summary>
    public static string Trailers(IReadOnlyList<ExportRecord> exports, IReadOnlyList<string> stale)
    {
        var message = new StringBuilder("\n");
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
