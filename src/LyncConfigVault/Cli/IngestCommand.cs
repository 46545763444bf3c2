using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
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
            var files = parse.GetValue(_files)!;
            var ingester = new ExportIngester(LyncCatalog.Default, CommitDescriber.Factory(LyncCatalog.Default));
            IngestResult result;
            try
            {
                var at = parse.GetValue(_at) is { } text ? AdminDate.Parse(text, vault.TimeZone) : (DateTimeOffset?)null;
                result = RunScope.Run(vault, "ingest", files, RunReporter.Warning(console), run => ingester.Ingest(run, files, at, userDataPool: parse.GetValue(_pool)));
            }
            catch (Exception e)
            {
                RunSteps.Failed(console, vault, "ingest", e);
                throw;
            }

            RunReporter.Print(console, "Snapshot", result, listObjects: true);
            return RunSteps.AfterStore(console, vault, result, [], Path.GetTempPath());
        });
    }
}
