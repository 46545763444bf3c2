using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>lcv ingest as one run: export files that already exist → one snapshot (or none) → the after-run step.</summary>
internal sealed class IngestJob(VaultRepository vault, LyncCatalog catalog, IRunWatcher watcher)
{
    /// <param name="at">--at as the admin typed it, in the vault's zone; null for when the export ran, from the archive itself.</param>
    /// <param name="userDataPool">The Registrar pool of a user data archive whose name does not say (--pool).</param>
    public RunOutcome<IngestResult> Run(IReadOnlyList<string> files, string? at, string? userDataPool)
    {
        var ingester = new ExportIngester(catalog, CommitDescriber.Factory(catalog));
        var after = new AfterRun(vault, catalog, watcher);
        var result = after.Guarded("ingest", () =>
        {
            var when = at is null ? (DateTimeOffset?)null : AdminDate.Parse(at, vault.TimeZone);
            return RunScope.Run(vault, "ingest", files, watcher.Warning, run => ingester.Ingest(run, files, when, userDataPool: userDataPool, committing: after.CheckMeanwhile), readsFirst: true);
        });
        watcher.Stored("Snapshot", result, listObjects: true);
        return new RunOutcome<IngestResult>(result, after.Serve(result, [], Path.GetTempPath()));
    }
}
