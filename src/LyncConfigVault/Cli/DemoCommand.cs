using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Report;
using LyncConfigVault.Runs;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>The whole story on bundled synthetic data, with no Lync server: the nightly job over a week, then what changed.</summary>
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
        console.MarkupLine("[bold]LyncConfigVault demo[/]: the fictitious Fabrikam deployment (6 sites, Enterprise pools, a Survivable Branch Appliance, gateways and trunks, Response Groups, E9-1-1 locations and users).");
        console.MarkupLineInterpolated($"Each night lcv backup runs Export-CsConfiguration, Export-CsRgsConfiguration per pool, Export-CsLisConfiguration, Export-CsUserData per pool and Get-CsUser against the simulated Lync module, in a PowerShell runspace (seed {seed}).");
        var story = new DemoJob(LyncCatalog.Default, clock).Run(root, nights, seed, GitSetupCommand.This, new ConsoleRunWatcher(console));
        console.WriteLine();
        console.MarkupLine("[bold underline]What changed last night[/] (lcv diff)");
        new TerminalReportWriter(console).Write(story.LastNight);
        console.WriteLine();
        console.MarkupLineInterpolated($"The whole week ({story.Week.Summary}) as an HTML report: [link]{story.HtmlReport}[/]");
        console.WriteLine();
        console.MarkupLine("Explore the vault, for example:");
        console.WriteLine($"  lcv diff --vault \"{story.VaultRoot}\" HEAD~3 --format markdown");
        console.WriteLine($"  lcv log --vault \"{story.VaultRoot}\" \"Pool dubpool01.fabrikam.com\"");
        console.WriteLine($"  lcv diff --vault \"{story.VaultRoot}\" HEAD~5 HEAD --area rgs,lis");
        console.WriteLine($"  lcv route --vault \"{story.VaultRoot}\" 00442079460000 --dial-plan Site:Dublin --policy Tag:VP-Dublin-Intl");
        console.WriteLine($"  lcv diff --vault \"{story.VaultRoot}\" HEAD~5 HEAD --impact --area voice");
        console.WriteLine($"  lcv check --vault \"{story.VaultRoot}\"");
        console.WriteLine($"  lcv restore --vault \"{story.VaultRoot}\" HEAD~3 --preview");
        console.WriteLine($"  git -C \"{story.VaultRoot}\" log -p -- cms/voice/VoicePolicy/Tag");
        console.WriteLine($"  lcv status --vault \"{story.VaultRoot}\"");
        return ExitCodes.Ok;
    }
}
