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
    // The check CheckMeanwhile started: the snapshot it read, the files it saw, what it found.
    private Task<(Snapshot Snapshot, HashSet<string> Files, RunCheck Check)>? _early;

    /// <param name="stored">What the run stored (null when it stored nothing): the check reads the snapshot the run holds in memory.</param>
    /// <param name="exports">Each export of a collection run and whether it succeeded (none for an ingest): what staleness is counted on.</param>
    /// <returns>What pushing to each remote did.</returns>
    public IReadOnlyList<PushOutcome> Serve(IngestResult? stored, IReadOnlyList<RunFailure> failures, string reportFolder, IReadOnlyList<(string Export, bool Succeeded)>? exports = null)
    {
        var commit = stored?.Store.Commit;
        var committed = commit is not null && stored!.Store.Files is { } files ? new RunObjectSource(vault.Git, vault.Git.Lookup<Commit>(commit), stored.Snapshot, files, catalog) : null;
        if (committed is not null)
        {
            watcher.Checked(EarlyCheckOf(committed, stored!.Snapshot) ?? Check(committed));
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

    /// <summary>
    /// Starts the check of the snapshot a run has just read, on the other core, while the run stores it: the objects
    /// it read, and the parts it carries forward as the latest commit holds them, read through a repository of its own.
    /// </summary>
    public void CheckMeanwhile(Snapshot snapshot)
    {
        var head = vault.Head.Sha;
        var path = vault.Git.Info.Path;
        _early = Task.Run(() =>
        {
            using var own = new Repository(path);
            var tip = own.Lookup<Commit>(head);
            var files = snapshot.Objects.Keys.ToDictionary(p => p, _ => "", StringComparer.Ordinal);
            foreach (var part in VaultLayout.PartsIn(tip.Tree).Where(p => !VaultLayout.Covers(snapshot.Parts, p)))
            {
                foreach (var (file, id) in VaultLayout.ObjectFiles((Tree)tip[part].Target, part))
                {
                    files.TryAdd(file, id);
                }
            }

            return (Snapshot: snapshot, Files: files.Keys.ToHashSet(StringComparer.Ordinal), Check: Check(new RunObjectSource(own, tip, snapshot, files, catalog)));
        });
    }

    // The check started meanwhile, if it read the snapshot stored and exactly the files the commit holds; else null,
    // and the commit is checked as it is.
    private RunCheck? EarlyCheckOf(RunObjectSource committed, Snapshot stored)
    {
        if (_early is null)
        {
            return null;
        }

        try
        {
            _early.Wait();
        }
        catch (AggregateException)
        {
            return null;   // it failed: the commit is checked as it is, and says why itself
        }

        var (snapshot, files, check) = _early.Result;
        return ReferenceEquals(snapshot, stored) && files.SetEquals(committed.Files.Keys) ? check : null;
    }

    private RunCheck Check(ObjectSource snapshot) => new(new ReferenceChecker(catalog).Check(snapshot), VoiceTestRunner.Run(snapshot));
}
