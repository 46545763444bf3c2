using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Model;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>
/// What every run that reads Lync (backup, ingest, backfill) does once it has stored: the check of the
/// snapshot it holds in memory, the push, the notices; and what it does when it fails outright: the
/// failure notice, as a failed export gets.
/// </summary>
internal sealed class AfterRun(VaultRepository vault, LyncCatalog catalog, IRunWatcher watcher)
{
    /// <param name="stored">What the run stored (null when it stored nothing): the check reads the snapshot the run holds in memory.</param>
    /// <param name="exports">Each export of a collection run and whether it succeeded (none for an ingest): what staleness is counted on.</param>
    /// <returns>What pushing to each remote did.</returns>
    public IReadOnlyList<PushOutcome> Serve(IngestResult? stored, IReadOnlyList<RunFailure> failures, string reportFolder, IReadOnlyList<(string Export, bool Succeeded)>? exports = null)
    {
        var commit = stored?.Store.Commit;
        var committed = commit is not null && stored!.Store.Files is { } files ? new RunObjectSource(vault.Git, vault.Git.Lookup<Commit>(commit), stored.Snapshot, files, catalog) : null;
        if (committed is not null)
        {
            watcher.Checked(Check(committed));
        }

        var pushes = RemotePusher.PushAll(vault);
        watcher.Pushed(pushes);
        RunNotifier.AfterRun(vault, catalog, commit, failures.Select(f => $"{f.Export} failed: {f.Reason}").ToList(), reportFolder, watcher.Warning, exports, committed);
        return pushes;
    }

    /// <summary>Runs <paramref name="work"/>; a run that fails outright tells the notifiers that want failures, and the exception goes on to the one catch.</summary>
    public T Guarded<T>(string command, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e)
        {
            RunNotifier.AfterRun(vault, catalog, null, [$"lcv {command} failed: {LcvException.Describe(e)}"], Path.GetTempPath(), watcher.Warning);
            throw;
        }
    }

    private RunCheck Check(ObjectSource snapshot) => new(new ReferenceChecker(catalog).Check(snapshot), VoiceTestRunner.Run(snapshot));
}
