using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Notify;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class IngestCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string?> _at = new("--at") { Description = "Date the snapshot (default: when the export ran, from the archive itself)" };
    private readonly Argument<string[]> _files = new("files") { Description = "Export files of one run: CsConfiguration.zip, a Get-CsTopology -AsXml file", Arity = ArgumentArity.OneOrMore };

    public IngestCommand(IAnsiConsole console) : base("ingest", "Store export files that already exist as one snapshot")
    {
        Options.Add(_vault);
        Options.Add(_at);
        Arguments.Add(_files);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!);
            var at = parse.GetValue(_at) is { } text ? AdminDate.Parse(text) : (DateTimeOffset?)null;
            var ingester = new ExportIngester(vault, LyncCatalog.Default, RunReporter.Warning(console), CommitDescriber.Factory(LyncCatalog.Default));
            var result = ingester.Ingest(parse.GetValue(_files)!, at, "ingest");
            RunReporter.Print(console, "Snapshot", result, listObjects: true);
            CheckReporter.Print(console, vault, result.Store.Commit);
            var pushed = PushReporter.Print(console, RemotePusher.PushAll(vault));
            RunNotifier.AfterRun(vault, LyncCatalog.Default, result.Store.Commit, [], Path.GetTempPath(), RunReporter.Warning(console));
            return pushed;
        });
    }
}
