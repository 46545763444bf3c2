using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Runs;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class BackupCommand : Command
{
    private readonly BackupOptions _options = new();

    public BackupCommand(IAnsiConsole console, TimeProvider clock) : base("backup", "Collect the Lync exports through PowerShell and store them as one snapshot")
    {
        _options.AddTo(this);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_options.Vault)!, clock);
            var settings = _options.Bind(parse, vault);
            var job = new BackupJob(vault, LyncCatalog.Default, new ConsoleRunWatcher(console));
            if (parse.GetValue(_options.Plan))
            {
                PrintPlan(console, job.Plan(settings));
                return ExitCodes.Ok;
            }

            var outcome = job.Run(settings);
            return outcome.Result.Failed.Any() || outcome.PushFailed ? ExitCodes.EnvironmentFailed : ExitCodes.Ok;
        });
    }

    private static void PrintPlan(IAnsiConsole console, BackupPlan plan)
    {
        console.MarkupLineInterpolated($"[bold]{plan.Site.ProductText}[/]{(plan.Site.Remote ? " through a remote session" : "")}{(plan.Site.Share is { } share ? ", share " + share : "")}:");
        foreach (var line in plan.Exports)
        {
            if (line.NotCollected is null)
            {
                console.MarkupLineInterpolated($"  [green]collect[/] {line.Line}");
            }
            else
            {
                console.MarkupLineInterpolated($"  [yellow]skip[/]    {line.Line}");
            }
        }

        if (plan.PoolFailure is { } failure)
        {
            console.MarkupLineInterpolated($"  [red]the pools could not be listed:[/] {failure}");
        }
    }
}
