using LyncConfigVault.Runs;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>A run's news as the admin at the terminal reads it, line by line as the run goes.</summary>
internal sealed class ConsoleRunWatcher(IAnsiConsole console) : IBackupWatcher, IBackfillWatcher, IDemoWatcher
{
    public void Progress(string line) => console.MarkupLineInterpolated($"[grey]{line}[/]");

    public void Warning(string message) => RunReporter.Warning(console)(message);

    public void Stored(string label, IngestResult result, bool listObjects) => RunReporter.Print(console, label, result, listObjects);

    public void Checked(RunCheck check) => CheckReporter.Print(console, check);

    public void Pushed(IReadOnlyList<PushOutcome> pushes) => PushReporter.Print(console, pushes);

    public void Collected(BackupResult result)
    {
        if (result.Stored is { } stored)
        {
            Stored("Snapshot", stored, listObjects: true);
        }

        foreach (var line in result.NotCollected)
        {
            console.MarkupLineInterpolated($"[yellow]{line}[/]");
        }

        foreach (var failed in result.Failed)
        {
            console.MarkupLineInterpolated($"[red]{failed.Task.DisplayName} failed:[/] {failed.Failure}{(result.Stored is null ? "" : " — the other exports were stored")}");
        }

        console.MarkupLineInterpolated($"[grey]Raw archives and the run log: {result.RawFolder}[/]");
    }

    public void Skipped(string label) => console.MarkupLineInterpolated($"{label}  skipped: not newer than the latest snapshot");

    public void NotStored(string label, string reason) => console.MarkupLineInterpolated($"{label}  [red]not stored:[/] {reason}");

    public void Finished(BackfillSummary summary) =>
        console.MarkupLineInterpolated($"Backfill: {summary.Stored} of {summary.Total} backups stored, {summary.Skipped} skipped, {summary.Failures.Count} not readable.");

    public void Created(string vaultRoot)
    {
        console.MarkupLineInterpolated($"Created the vault {vaultRoot}");
        console.WriteLine();
    }

    public void NothingChanged() => console.MarkupLine("    [grey](nobody changed anything: the export differs only in signatures, order and formatting)[/]");
}
