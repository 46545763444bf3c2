using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Restore;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// Has the configuration moved away from a reference? Export files (or the latest snapshot) against
/// the latest snapshot or a baseline. Exit 0 when nothing drifted and 1 when something did, so
/// monitoring can alert on the code alone.
/// </summary>
internal sealed class DriftCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string?> _against = new("--against") { Description = "The reference: a baseline (approved or baseline/approved), a commit or a date (default: the latest snapshot)" };
    private readonly Argument<string[]> _files = new("files") { Description = "Export files or backup folders to check (default: the latest snapshot, which then needs --against)", Arity = ArgumentArity.ZeroOrMore };
    private readonly ReportOutput _report = new();

    public DriftCommand(IAnsiConsole console, TimeProvider clock) : base("drift", "Check the configuration against the latest snapshot or an approved baseline: exit 0 no drift, 1 drift")
    {
        Options.Add(_vault);
        Options.Add(_against);
        _report.AddTo(this);
        Arguments.Add(_files);
        SetAction(parse =>
        {
            var files = parse.GetValue(_files) ?? [];
            var against = parse.GetValue(_against);
            if (files.Length == 0 && against is null)
            {
                throw new LcvException("Nothing to check: give export files to compare with the latest snapshot, or --against a baseline to compare the latest snapshot with.");
            }

            using var sources = new ComparisonSources(LyncCatalog.Default, parse.GetValue(_vault)!, clock);
            var reference = sources.Snapshot(against);
            ObjectSource current = files.Length == 0 ? sources.Snapshot(null) : sources.Exports(files);
            var parts = ComparisonSources.CommonParts(reference, current, reference.Side.Label, string.Join(", ", files));
            var drift = new SnapshotDiffer(LyncCatalog.Default, sources.Filter).Compare(reference, current, parts);
            return _report.Show(parse, console, drift with { Undo = UndoCommands.For(LyncCatalog.Default, drift) }, sources.Context());   // undo: back to the reference
        });
    }
}
