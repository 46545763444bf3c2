using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Runs;
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
            var outcome = new BackfillJob(vault, LyncCatalog.Default, new ConsoleRunWatcher(console)).Run(parse.GetValue(_folder)!);
            return outcome.Result.Failures.Count > 0 ? ExitCodes.AdminError : outcome.PushFailed ? ExitCodes.EnvironmentFailed : ExitCodes.Ok;
        });
    }
}
