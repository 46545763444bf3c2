using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Notify;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// What every run that reads Lync (backup, ingest, backfill) does once it has stored: one line of lcv check,
/// the push, the notices; and what it does when it fails outright: the failure notice, as a failed export gets.
/// </summary>
internal static class RunSteps
{
    /// <returns>The exit code of the push: 3 when a remote failed.</returns>
    /// <param name="stored">What the run stored (null when it stored nothing): the check reads the snapshot the run holds in memory.</param>
    public static int AfterStore(IAnsiConsole console, VaultRepository vault, IngestResult? stored, IReadOnlyList<RunFailure> failures, string reportFolder, IReadOnlyList<(string Export, bool Succeeded)>? exports = null)
    {
        var commit = stored?.Store.Commit;
        if (commit is not null && stored!.Store.Files is { } files)
        {
            CheckReporter.Print(console, new RunObjectSource(vault.Git, (LibGit2Sharp.Commit)vault.Git.Lookup(commit), stored.Snapshot, files, LyncCatalog.Default));
        }

        var pushed = PushReporter.Print(console, RemotePusher.PushAll(vault));
        RunNotifier.AfterRun(vault, LyncCatalog.Default, commit, failures.Select(f => $"{f.Export} failed: {f.Reason}").ToList(), reportFolder, RunReporter.Warning(console), exports);
        return pushed;
    }

    /// <summary>Tells the notifiers that want failures; the exception itself goes on to the one catch.</summary>
    public static void Failed(IAnsiConsole console, VaultRepository vault, string command, Exception failure) =>
        RunNotifier.AfterRun(vault, LyncCatalog.Default, null, [$"lcv {command} failed: {LcvException.Describe(failure)}"], Path.GetTempPath(), RunReporter.Warning(console));
}
