using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>What a backup did: each export's outcome, and what storing the ones that succeeded did.</summary>
internal sealed record BackupResult(IReadOnlyList<ExportOutcome> Exports, IngestResult? Stored, string RawFolder)
{
    /// <summary>What the plan could not collect here, and why (the product lacks it, a remote session cannot bring it back).</summary>
    public IReadOnlyList<string> NotCollected { get; init; } = [];

    public IEnumerable<ExportOutcome> Failed => Exports.Where(e => !e.Succeeded);

    /// <summary>Each failed export as the run log and the commit name it: the cmdlet, the part it would have replaced, its words.</summary>
    public IReadOnlyList<RunFailure> Failures => Failed.Select(BackupRun.Failure).ToList();
}

/// <summary>
/// lcv backup as one run, under the scope the caller took before any export ran: collect every export of
/// the plan into a dated raw folder outside the vault, store the ones that succeeded as one snapshot (the
/// others' parts are carried forward and named stale), and prune raw folders older than the retention only
/// after a run where every export succeeded.
/// </summary>
internal sealed class BackupRun(LyncCatalog catalog, Func<NoiseFilter, IChangeDescriber>? describer)
{
    // Each run's raw folder is named by when it ran; retention reads the name back.
    private const string RawFolderStamp = "yyyy-MM-dd-HHmmss";

    /// <param name="at">The snapshot's date; null for the time the exports themselves record.</param>
    /// <param name="planFailure">Why part of the plan could not be made (the pools could not be listed): a failed export of its own.</param>
    /// <param name="site">The product and connection the plan was made for: named in the commit's trailers.</param>
    public BackupResult Run(RunScope run, PowerShellHost host, IReadOnlyList<PlannedExport> plan, CollectionSite site, string rawFolder, TimeSpan timeout, int keepRawDays, DateTimeOffset? at, Action<string> progress, string? planFailure = null)
    {
        var notes = new CollectionNotes(site.ProductText, plan.Where(p => p.NotCollected is not null).Select(p => p.Line).ToList());
        var outcomes = new Collector(host, timeout, progress, run.Vault.Now).Run(plan.Select(p => p.Task).OfType<ExportTask>().ToList()).ToList();
        if (planFailure is not null)
        {
            outcomes.Insert(0, new ExportOutcome(new ExportTask(ExportKind.Rgs, "Get-CsService", "*", "", new Dictionary<string, object>()), planFailure, TimeSpan.Zero, []));
        }

        var collected = outcomes.Where(o => o.Succeeded).Select(o => o.Task.FileName).ToList();
        File.WriteAllLines(Path.Combine(rawFolder, "run.log"), outcomes.SelectMany(Log));
        var result = new BackupResult(outcomes, null, rawFolder) { NotCollected = notes.NotCollected };
        if (outcomes.Count == 0)
        {
            // Everything asked for is beyond this product or connection: said, not a failure.
            run.Record(new RunRecord(run.Started, run.Command, RunResult.Unchanged, null, null, "nothing to collect here: " + string.Join("; ", notes.NotCollected), [], [], run.ElapsedMs)
            {
                NotCollected = notes.NotCollected,
            });
            return result;
        }

        if (collected.Count == 0)
        {
            var summary = string.Join("; ", outcomes.Select(o => $"{o.Task.DisplayName} failed: {o.Failure}"));
            run.Record(new RunRecord(run.Started, run.Command, RunResult.Failed, null, null, summary, outcomes.Select(o => o.Task.DisplayName).ToList(), [], run.ElapsedMs)
            {
                Failures = result.Failures,
                NotCollected = notes.NotCollected,
            });
            return result;
        }

        var stored = new ExportIngester(catalog, describer).Ingest(run, collected, at, result.Failures, notes: notes);
        if (outcomes.All(o => o.Succeeded))
        {
            Prune(Path.GetDirectoryName(rawFolder)!, rawFolder, keepRawDays, run.Vault.Now);
        }

        return result with { Stored = stored };
    }

    /// <summary>A new dated folder for this run's raw archives, beside the vault (never inside it: it would look edited).</summary>
    public static string NewRawFolder(string root, DateTimeOffset now)
    {
        var folder = Path.Combine(root, now.ToString(RawFolderStamp, CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A failed export as the run records it. The pool list (Get-CsService) replaces no part of its own.</summary>
    public static RunFailure Failure(ExportOutcome outcome) =>
        new(outcome.Task.DisplayName, outcome.Task.FileName.Length == 0 ? null : VaultPaths.PartOf(outcome.Task.Kind, outcome.Task.Target == "*" ? null : outcome.Task.Target), outcome.Failure ?? "");

    private static IEnumerable<string> Log(ExportOutcome outcome) =>
        outcome.Log.Select(line => $"{outcome.Task.DisplayName}: {line}")
            .Append($"{outcome.Task.DisplayName}: {(outcome.Succeeded ? "ok" : "FAILED " + outcome.Failure)} in {outcome.Duration.TotalSeconds:0.0} s");

    // New-SfBBackup's rule: old archives go only once a complete new set exists. Folder names are wall-clock times in the vault's zone.
    private static void Prune(string root, string keep, int days, DateTimeOffset now)
    {
        var limit = now.DateTime.AddDays(-days);
        foreach (var folder in Directory.EnumerateDirectories(root).Where(f => f != keep))
        {
            if (DateTime.TryParseExact(Path.GetFileName(folder), RawFolderStamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp) && stamp < limit)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
