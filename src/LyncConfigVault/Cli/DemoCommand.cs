using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Report;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class DemoCommand : Command
{
    private readonly Option<string?> _vault = new("--vault", "-v") { Description = "Where to create the demo vault (default: a new temporary folder)" };
    private readonly Option<int> _nights = new("--nights") { Description = "How many nights to generate", DefaultValueFactory = _ => 7 };
    private readonly Option<int> _seed = new("--seed") { Description = "Same seed, same story", DefaultValueFactory = _ => 1 };

    public DemoCommand(IAnsiConsole console) : base("demo", "The whole story on bundled synthetic data: seven nightly exports into a new vault")
    {
        Options.Add(_vault);
        Options.Add(_nights);
        Options.Add(_seed);
        SetAction(parse => Run(console, parse.GetValue(_vault), parse.GetValue(_nights), parse.GetValue(_seed)));
    }

    private static int Run(IAnsiConsole console, string? vaultPath, int nights, int seed)
    {
        var root = vaultPath ?? Path.Combine(Path.GetTempPath(), "lcv-demo-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var backups = Path.Combine(Path.GetTempPath(), $"lcv-demo-backups-{Environment.ProcessId}-{seed}");
        console.MarkupLine("[bold]LyncConfigVault demo[/]: the fictitious Fabrikam deployment (6 sites, Enterprise pools, a Survivable Branch Appliance, gateways and trunks).");
        console.MarkupLineInterpolated($"Generating {nights} nightly Export-CsConfiguration archives (seed {seed}) in {backups}");
        var generated = SyntheticNights.Generate(seed, nights).ToList();
        var files = SyntheticNights.WriteBackupFolders(backups, generated);

        using var vault = VaultRepository.Init(root, "Fabrikam", LyncCatalog.Default);
        GitDiffDriver.Register(vault, GitSetupCommand.This);
        console.MarkupLineInterpolated($"Created the vault {vault.Root}");
        console.WriteLine();
        var ingester = new ExportIngester(vault, LyncCatalog.Default, RunReporter.Warning(console), CommitDescriber.Factory(LyncCatalog.Default));
        for (var i = 0; i < generated.Count; i++)
        {
            var night = generated[i];
            var result = ingester.Ingest([files[i]], null, "demo");
            RunReporter.Print(console, $"Night {night.Number}", result, listObjects: true);
            if (night.Changes.Count == 0 && night.Number > 1)
            {
                console.MarkupLine("    [grey](nobody changed anything: the export differs only in signatures, order and formatting)[/]");
            }
        }

        console.WriteLine();
        console.MarkupLine("[bold underline]What changed last night[/] (lcv diff)");
        using var sources = new ComparisonSources(LyncCatalog.Default, vault.Root);
        var (lastFrom, lastTo) = sources.LastChange();
        var differ = new SnapshotDiffer(LyncCatalog.Default, vault.Filters(LyncCatalog.Default));
        new TerminalReportWriter(console).Write(differ.Compare(lastFrom, lastTo));

        var week = differ.Compare(sources.Snapshot(RevisionResolver.Snapshots(vault.Head).Last().Sha), lastTo);
        var html = vault.Root.TrimEnd(Path.DirectorySeparatorChar) + "-changes.html";
        using (var file = new StreamWriter(html, false, new System.Text.UTF8Encoding(false)))
        {
            new HtmlReportWriter().Write(week, file);
        }

        console.WriteLine();
        console.MarkupLineInterpolated($"The whole week ({week.Summary}) as an HTML report: [link]{html}[/]");
        console.WriteLine();
        console.MarkupLine("Explore the vault, for example:");
        console.WriteLine($"  lcv diff --vault \"{vault.Root}\" HEAD~3 --format markdown");
        console.WriteLine($"  lcv log --vault \"{vault.Root}\" \"Pool dubpool01.fabrikam.com\"");
        console.WriteLine($"  git -C \"{vault.Root}\" log -p -- cms/voice/VoicePolicy/Tag");
        console.WriteLine($"  lcv status --vault \"{vault.Root}\"");
        Directory.Delete(backups, recursive: true);
        return ExitCodes.Ok;
    }
}
