using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Runs;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class IngestCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string?> _at = new("--at") { Description = "Date the snapshot (default: when the export ran, from the archive itself)" };
    private readonly Option<string?> _pool = new("--pool") { Description = "The Registrar pool of an Export-CsUserData archive whose file name does not say (pool01.contoso.com)" };
    private readonly Argument<string[]> _files = new("files") { Description = "Export files of one run: CsConfiguration.zip, a Get-CsTopology -AsXml file", Arity = ArgumentArity.OneOrMore };

    public IngestCommand(IAnsiConsole console, TimeProvider clock) : base("ingest", "Store export files that already exist as one snapshot")
    {
        Options.Add(_vault);
        Options.Add(_at);
        Options.Add(_pool);
        Arguments.Add(_files);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var outcome = new IngestJob(vault, LyncCatalog.Default, new ConsoleRunWatcher(console)).Run(parse.GetValue(_files)!, parse.GetValue(_at), parse.GetValue(_pool));
            return outcome.PushFailed ? ExitCodes.EnvironmentFailed : ExitCodes.Ok;
        });
    }
}
