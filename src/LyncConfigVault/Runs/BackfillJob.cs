using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>How a backfill went: the backups found, stored, skipped as not newer than the vault, and not readable.</summary>
internal sealed record BackfillSummary(int Total, int Stored, int Skipped, IReadOnlyList<RunFailure> Failures);

/// <summary>
/// lcv backfill as one run: a folder of old backups stored oldest first under one lock, each commit dated
/// as its backup, then the after-run step once.
/// </summary>
internal sealed class BackfillJob(VaultRepository vault, LyncCatalog catalog, IBackfillWatcher watcher)
{
    public RunOutcome<BackfillSummary> Run(string folder)
    {
        var after = new AfterRun(vault, catalog, watcher);

        // One lock for the whole folder: a nightly run must not slip in between two old backups.
        var summary = after.Guarded("backfill", () => RunScope.Run(vault, "backfill", [folder], watcher.Warning, run => Backfill(run, folder)));
        watcher.Finished(summary);
        return new RunOutcome<BackfillSummary>(summary, after.Serve(null, summary.Failures, Path.GetTempPath()));
    }

    private BackfillSummary Backfill(RunScope run, string folder)
    {
        var backups = BackfillPlanner.Plan(folder, vault.TimeZone);
        if (backups.Count == 0)
        {
            throw new LcvException($"{folder} holds no export files (.zip, .xml, .bak) and no backup folders.", folder);
        }

        var ingester = new ExportIngester(catalog, CommitDescriber.Factory(catalog));
        var failures = new List<RunFailure>();
        var skipped = 0;
        for (var i = 0; i < backups.Count; i++)
        {
            var backup = backups[i];
            var label = $"[{i + 1}/{backups.Count}] {backup.Name}";
            if (vault.LatestSnapshot is { } latest && backup.ExportedAt <= latest.Author.When)
            {
                watcher.Skipped(label);
                skipped++;
                continue;
            }

            run.Restart();   // each backup is a run of its own in the run log
            try
            {
                watcher.Stored(label, ingester.Ingest(run, backup.Files, null), listObjects: false);
            }
            catch (LcvException e) when (e.IsAdminError)
            {
                watcher.NotStored(label, e.Message);
                run.Record(new RunRecord(run.Started, run.Command, RunResult.Failed, backup.ExportedAt, null, e.Message, backup.Files, [], run.ElapsedMs));
                failures.Add(new RunFailure(backup.Name, null, e.Message));
            }
        }

        return new BackfillSummary(backups.Count, backups.Count - failures.Count - skipped, skipped, failures);
    }
}
