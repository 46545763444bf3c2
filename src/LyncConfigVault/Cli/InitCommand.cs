using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class InitCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string> _deployment = new("--deployment") { Description = "The deployment's name, used in commit messages and reports", DefaultValueFactory = _ => "Lync" };
    private readonly Option<string?> _timeZone = new("--time-zone") { Description = "The Front Ends' time zone (Europe/Dublin, GMT Standard Time, UTC): export times and typed dates are read in it (default: this machine's)" };

    public InitCommand(IAnsiConsole console, TimeProvider clock) : base("init", "Create a vault: a Git repository for one Lync deployment's configuration")
    {
        Options.Add(_vault);
        Options.Add(_deployment);
        Options.Add(_timeZone);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Init(parse.GetValue(_vault)!, parse.GetValue(_deployment)!, LyncCatalog.Default, clock, parse.GetValue(_timeZone));
            RunScope.Run(vault, "git-setup", [], RunReporter.Warning(console), run => GitDiffDriver.Register(run, GitSetupCommand.This));
            console.MarkupLineInterpolated($"Created the vault for [bold]{vault.Config.Deployment}[/] in {vault.Root}");
            console.WriteLine($"Next: lcv ingest --vault \"{vault.Root}\" CsConfiguration.zip");
            return ExitCodes.Ok;
        });
    }
}
