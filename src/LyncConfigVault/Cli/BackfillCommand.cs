using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class BackfillCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Argument<string> _folder = new("folder") { Description = "A folder of old backups: SfBBackup-… folders or dated export files" };

    public BackfillCommand(IAnsiConsole console, TimeProvider clock) : base("backfill", "Store a folder of old backups, oldest first, each commit dated as its backup")
    {
        Options.Add(_vault);
        Arguments.Add(_folder);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var folder = parse.GetValue(_folder)!;
            BackfillSummary summary;
            try
            {
                // One lock for the whole folder: a nightly run must not slip in between two old backups.
                summary = RunScope.Run(vault, "backfill", [folder], RunReporter.Warning(console), run => Backfill(console, run, folder));
            }
            catch (Exception e)
            {
                RunSteps.Failed(console, vault, "backfill", e);
                throw;
            }

            console.MarkupLineInterpolated($"Backfill: {summary.Stored} of {summary.Total} backups stored, {summary.Skipped} skipped, {summary.Failures.Count} not readable.");
            var pushed = RunSteps.AfterStore(console, vault, null, summary.Failures, Path.GetTempPath());
            return summary.Failures.Count > 0 ? ExitCodes.AdminError : pushed;
        });
    }

    private static BackfillSummary Backfill(IAnsiConsole console, RunScope run, string folder)
    {
        var vault = run.Vault;
        var backups = BackfillPlanner.Plan(folder, vault.TimeZone);
        if (backups.Count == 0)
        {
            throw new LcvException($"{folder} holds no export files (.zip, .xml, .bak) and no backup folders.", folder);
        }

        var ingester = new ExportIngester(LyncCatalog.Default, CommitDescriber.Factory(LyncCatalog.Default));
        var failures = new List<RunFailure>();
        var skipped = 0;
        for (var i = 0; i < backups.Count; i++)
        {
            var backup = backups[i];
            var label = $"[{i + 1}/{backups.Count}] {backup.Name}";
            if (vault.LatestSnapshot is { } latest && backup.ExportedAt <= latest.Author.When)
            {
                console.MarkupLineInterpolated($"{label}  skipped: not newer than the latest snapshot");
                skipped++;
                continue;
            }

            run.Restart();   // each backup is a run of its own in the run log
            try
            {
                RunReporter.Print(console, label, ingester.Ingest(run, backup.Files, null), listObjects: false);
            }
            catch (LcvException e) when (e.ExitCode == ExitCodes.AdminError)
            {
                console.MarkupLineInterpolated($"{label}  [red]not stored:[/] {e.Message}");
                run.Record(new RunRecord(run.Started, run.Command, RunRecord.Failed, backup.ExportedAt, null, e.Message, backup.Files, [], run.ElapsedMs));
                failures.Add(new RunFailure(backup.Name, null, e.Message));
            }
        }

        return new BackfillSummary(backups.Count, backups.Count - failures.Count - skipped, skipped, failures);
    }

    private sealed record BackfillSummary(int Total, int Stored, int Skipped, IReadOnlyList<RunFailure> Failures);
}
