using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight.Impact;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Restore;
using LyncConfigVault.Runs;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class DemoCommand : Command
{
    private readonly Option<string?> _vault = new("--vault", "-v") { Description = "Where to create the demo vault (default: a new temporary folder)" };
    private readonly Option<int> _nights = new("--nights") { Description = "How many nights to generate", DefaultValueFactory = _ => 7 };
    private readonly Option<int> _seed = new("--seed") { Description = "Same seed, same story", DefaultValueFactory = _ => 1 };

    public DemoCommand(IAnsiConsole console, TimeProvider clock) : base("demo", "The whole story on bundled synthetic data: seven nightly exports into a new vault")
    {
        Options.Add(_vault);
        Options.Add(_nights);
        Options.Add(_seed);
        SetAction(parse => Run(console, clock, parse.GetValue(_vault), parse.GetValue(_nights), parse.GetValue(_seed)));
    }

    private static int Run(IAnsiConsole console, TimeProvider clock, string? vaultPath, int nights, int seed)
    {
        var root = vaultPath ?? Path.Combine(Path.GetTempPath(), "lcv-demo-" + clock.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var work = Path.Combine(Path.GetTempPath(), $"lcv-demo-{Environment.ProcessId}-{seed}-{Guid.NewGuid():N}");
        console.MarkupLine("[bold]LyncConfigVault demo[/]: the fictitious Fabrikam deployment (6 sites, Enterprise pools, a Survivable Branch Appliance, gateways and trunks, Response Groups, E9-1-1 locations and users).");
        console.MarkupLineInterpolated($"Each night lcv backup runs Export-CsConfiguration, Export-CsRgsConfiguration per pool, Export-CsLisConfiguration, Export-CsUserData per pool and Get-CsUser against the simulated Lync module, in a PowerShell runspace (seed {seed}).");
        var generated = SyntheticNights.Generate(seed, nights, parts: SyntheticParts.All).ToList();

        using var vault = VaultRepository.Init(root, "Fabrikam", LyncCatalog.Default, clock, SyntheticNights.ServerZone.Id);
        var warn = RunReporter.Warning(console);
        RunScope.Run(vault, "git-setup", [], warn, run => GitDiffDriver.Register(run, GitSetupCommand.This));
        console.MarkupLineInterpolated($"Created the vault {vault.Root}");
        console.WriteLine();
        var server = SimulatedLyncServer.Create(Path.Combine(work, "server"), generated[0], []);
        var site = new CollectionSite(server.Version, "the simulated Fabrikam deployment", Remote: false, Share: null);
        using (var host = new InProcessHost(server.ModulePath))
        {
            var backup = new BackupRun(LyncCatalog.Default, CommitDescriber.Factory(LyncCatalog.Default));
            foreach (var night in generated)
            {
                // The same server, a night later: its export archive is the generator's next night.
                server.Publish(night);
                host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1));
                var raw = BackupRun.NewRawFolder(Path.Combine(work, "raw"), night.ExportTime);
                var (pools, _) = DeploymentPools.Discover(host, TimeSpan.FromMinutes(1), applicationServer: true, userServer: true);
                var plan = ExportPlan.For(["cms", "rgs", "lis", "users", "userpolicies"], raw, site, pools);
                var result = RunScope.Run(vault, "backup", [], warn, run => backup.Run(run, host, plan, site, raw, TimeSpan.FromMinutes(5), keepRawDays: 3650, at: null, _ => { }));
                RunReporter.Print(console, $"Night {night.Number}", result.Stored ?? throw LcvException.Environment($"The simulated export of night {night.Number} failed: {result.Failed.First().Failure}"), listObjects: true);
                if (night.Changes.Count == 0 && night.Number > 1)
                {
                    console.MarkupLine("    [grey](nobody changed anything: the export differs only in signatures, order and formatting)[/]");
                }
            }
        }

        console.WriteLine();
        console.MarkupLine("[bold underline]What changed last night[/] (lcv diff)");
        using var sources = new ComparisonSources(LyncCatalog.Default, vault.Root, clock);
        var (lastFrom, lastTo) = sources.LastChange();
        var differ = new SnapshotDiffer(LyncCatalog.Default, vault.Filters(LyncCatalog.Default));
        new TerminalReportWriter(console).Write(differ.Compare(lastFrom, lastTo));

        var weekStart = sources.Snapshot(RevisionResolver.Snapshots(vault.Head).Last().Sha);
        var week = differ.Compare(weekStart, lastTo);
        week = week with
        {
            Impact = new ImpactAnalyzer(LyncCatalog.Default).Analyze(weekStart, lastTo, week, VaultLayout.Parts),
            Undo = UndoCommands.For(LyncCatalog.Default, week),
        };
        var html = vault.Root.TrimEnd(Path.DirectorySeparatorChar) + "-changes.html";
        using (var file = new StreamWriter(html, false, new System.Text.UTF8Encoding(false)))
        {
            var (deployment, baselines) = sources.Context();
            new HtmlReportWriter(new ReportHeader(deployment, $"Lync configuration changes: {deployment}, the demo's week", null, baselines)).Write(week, file);
        }

        console.WriteLine();
        console.MarkupLineInterpolated($"The whole week ({week.Summary}) as an HTML report: [link]{html}[/]");
        console.WriteLine();
        console.MarkupLine("Explore the vault, for example:");
        console.WriteLine($"  lcv diff --vault \"{vault.Root}\" HEAD~3 --format markdown");
        console.WriteLine($"  lcv log --vault \"{vault.Root}\" \"Pool dubpool01.fabrikam.com\"");
        console.WriteLine($"  lcv diff --vault \"{vault.Root}\" HEAD~5 HEAD --area rgs,lis");
        console.WriteLine($"  lcv route --vault \"{vault.Root}\" 00442079460000 --dial-plan Site:Dublin --policy Tag:VP-Dublin-Intl");
        console.WriteLine($"  lcv diff --vault \"{vault.Root}\" HEAD~5 HEAD --impact --area voice");
        console.WriteLine($"  lcv check --vault \"{vault.Root}\"");
        console.WriteLine($"  lcv restore --vault \"{vault.Root}\" HEAD~3 --preview");
        console.WriteLine($"  git -C \"{vault.Root}\" log -p -- cms/voice/VoicePolicy/Tag");
        console.WriteLine($"  lcv status --vault \"{vault.Root}\"");
        Directory.Delete(work, recursive: true);
        return ExitCodes.Ok;
    }
}
