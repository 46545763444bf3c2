using LyncConfigVault.Catalog;
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
    public static int AfterStore(IAnsiConsole console, VaultRepository vault, string? commit, IReadOnlyList<RunFailure> failures, string reportFolder, IReadOnlyList<(string Export, bool Succeeded)>? exports = null)
    {
        CheckReporter.Print(console, vault, commit);
        var pushed = PushReporter.Print(console, RemotePusher.PushAll(vault));
        RunNotifier.AfterRun(vault, LyncCatalog.Default, commit, failures.Select(f => $"{f.Export} failed: {f.Reason}").ToList(), reportFolder, RunReporter.Warning(console), exports);
        return pushed;
    }

    /// <summary>Tells the notifiers that want failures; the exception itself goes on to the one catch.</summary>
    public static void Failed(IAnsiConsole console, VaultRepository vault, string command, Exception failure) =>
        RunNotifier.AfterRun(vault, LyncCatalog.Default, null, [$"lcv {command} failed: {LcvException.Describe(failure)}"], Path.GetTempPath(), RunReporter.Warning(console));
}
