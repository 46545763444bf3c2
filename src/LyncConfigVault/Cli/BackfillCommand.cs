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

    public BackfillCommand(IAnsiConsole console) : base("backfill", "Store a folder of old backups, oldest first, each commit dated as its backup")
    {
        Options.Add(_vault);
        Arguments.Add(_folder);
        SetAction(parse => Run(console, parse.GetValue(_vault)!, parse.GetValue(_folder)!));
    }

    private static int Run(IAnsiConsole console, string vaultPath, string folder)
    {
        using var vault = VaultRepository.Open(vaultPath);
        var runs = BackfillPlanner.Plan(folder);
        if (runs.Count == 0)
        {
            throw new LcvException($"{folder} holds no export files (.zip, .xml, .bak) and no backup folders.", folder);
        }

        var ingester = new ExportIngester(vault, LyncCatalog.Default, RunReporter.Warning(console), CommitDescriber.Factory(LyncCatalog.Default));
        var failed = 0;
        var skipped = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var label = $"[{i + 1}/{runs.Count}] {run.Name}";
            if (run.ExportedAt <= vault.Head.Author.When && VaultLayout.HasSnapshot(vault.Head.Tree))
            {
                console.MarkupLineInterpolated($"{label}  skipped: not newer than the latest snapshot");
                skipped++;
                continue;
            }

            try
            {
                RunReporter.Print(console, label, ingester.Ingest(run.Files, null, "backfill"), listObjects: false);
            }
            catch (LcvException e) when (e.ExitCode == ExitCodes.AdminError)
            {
                console.MarkupLineInterpolated($"{label}  [red]not stored:[/] {e.Message}");
                failed++;
            }
        }

        console.MarkupLineInterpolated($"Backfill: {runs.Count - failed - skipped} of {runs.Count} backups stored, {skipped} skipped, {failed} not readable.");
        var pushed = PushReporter.Print(console, RemotePusher.PushAll(vault));
        return failed > 0 ? ExitCodes.AdminError : pushed;
    }
}
