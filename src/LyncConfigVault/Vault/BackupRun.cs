using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>What a backup did: each export's outcome, and what storing the ones that succeeded did.</summary>
internal sealed record BackupResult(IReadOnlyList<ExportOutcome> Exports, IngestResult? Stored, string RawFolder)
{
    public IEnumerable<ExportOutcome> Failed => Exports.Where(e => !e.Succeeded);
}

/// <summary>
/// lcv backup as one run: collect every export of the plan into a dated raw folder outside the vault,
/// store the ones that succeeded as one snapshot (the others' parts are carried forward and named
/// stale), and prune raw folders older than the retention only after a run where every export succeeded.
/// </summary>
internal sealed class BackupRun(VaultRepository vault, LyncCatalog catalog, Action<string> warn, Func<Normalize.NoiseFilter, IChangeDescriber>? describer)
{
    // Each run's raw folder is named by when it ran; retention reads the name back.
    private const string RawFolderStamp = "yyyy-MM-dd-HHmmss";

    /// <param name="at">The snapshot's date; null for the time the exports themselves record.</param>
    /// <param name="planFailure">Why part of the plan could not be made (the pools could not be listed): a failed export of its own.</param>
    public BackupResult Run(PowerShellHost host, IReadOnlyList<ExportTask> plan, string rawFolder, TimeSpan timeout, int keepRawDays, DateTimeOffset? at, Action<string> progress, string? planFailure = null)
    {
        var started = DateTimeOffset.Now;
        var outcomes = new Collector(host, timeout, progress).Run(plan).ToList();
        if (planFailure is not null)
        {
            outcomes.Insert(0, new ExportOutcome(new ExportTask(ExportKind.Rgs, "Get-CsService", "*", "", new Dictionary<string, object>()), planFailure, TimeSpan.Zero, []));
        }

        var collected = outcomes.Where(o => o.Succeeded).Select(o => o.Task.FileName).ToList();
        File.WriteAllLines(Path.Combine(rawFolder, "run.log"), outcomes.SelectMany(Log));
        if (collected.Count == 0)
        {
            var summary = string.Join("; ", outcomes.Select(o => $"{o.Task.DisplayName} failed: {o.Failure}"));
            RunHistory.Append(vault.StateFolder, new RunRecord(started, "backup", RunRecord.Failed, null, null, summary, outcomes.Select(o => o.Task.DisplayName).ToList(), [], (long)(DateTimeOffset.Now - started).TotalMilliseconds));
            return new BackupResult(outcomes, null, rawFolder);
        }

        var stored = new ExportIngester(vault, catalog, warn, describer).Ingest(collected, at, "backup");
        if (outcomes.All(o => o.Succeeded))
        {
            Prune(Path.GetDirectoryName(rawFolder)!, rawFolder, keepRawDays);
        }

        return new BackupResult(outcomes, stored, rawFolder);
    }

    /// <summary>A new dated folder for this run's raw archives, beside the vault (never inside it: it would look edited).</summary>
    public static string NewRawFolder(string root, DateTimeOffset now)
    {
        var folder = Path.Combine(root, now.ToString(RawFolderStamp, CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static IEnumerable<string> Log(ExportOutcome outcome) =>
        outcome.Log.Select(line => $"{outcome.Task.DisplayName}: {line}")
            .Append($"{outcome.Task.DisplayName}: {(outcome.Succeeded ? "ok" : "FAILED " + outcome.Failure)} in {outcome.Duration.TotalSeconds:0.0} s");

    // New-SfBBackup's rule: old archives go only once a complete new set exists.
    private static void Prune(string root, string keep, int days)
    {
        var limit = DateTime.Now.AddDays(-days);
        foreach (var folder in Directory.EnumerateDirectories(root).Where(f => f != keep))
        {
            if (DateTime.TryParseExact(Path.GetFileName(folder), RawFolderStamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp) && stamp < limit)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
