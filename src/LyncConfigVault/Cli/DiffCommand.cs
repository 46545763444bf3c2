using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight.Impact;
using LyncConfigVault.Restore;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class DiffCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<double> _renames = new("--rename-threshold") { Description = "How alike a removed and an added object must be to count as a rename (0–1)", DefaultValueFactory = _ => SnapshotDiffer.DefaultRenameThreshold };
    private readonly Argument<string[]> _sides = new("from-to")
    {
        Description = "FROM [TO]: commit, tag (baseline/approved), HEAD~N, a date, or export files/backup folders; default: the latest snapshot against the one before; TO defaults to the latest snapshot",
        Arity = new ArgumentArity(0, 2),
    };

    private readonly Option<bool> _impact = new("--impact") { Description = "Also say what each change does: references it breaks or mends, voice test cases it fails or fixes, numbers that route elsewhere, users it applies to" };

    private readonly Option<string?> _map = new("--map") { Description = "A YAML file of renames (literal or regex) that turns TO's names into FROM's: compare a lab with production object by object" };

    private readonly ReportOutput _report = new();

    public DiffCommand(IAnsiConsole console, TimeProvider clock) : base("diff", "Show what changed between two snapshots, or two export files, in Lync terms")
    {
        Options.Add(_vault);
        Options.Add(_renames);
        Options.Add(_impact);
        Options.Add(_map);
        _report.AddTo(this);
        Arguments.Add(_sides);
        SetAction(parse =>
        {
            var sides = parse.GetValue(_sides) ?? [];
            using var sources = new ComparisonSources(LyncCatalog.Default, parse.GetValue(_vault)!, clock);
            var (from, to) = sides.Length switch
            {
                0 => sources.LastChange(),
                1 => sources.Resolve(sides[0], null),
                _ => sources.Resolve(sides[0], sides[1]),
            };
            var parts = ComparisonSources.CommonParts(from, to, from.Side.Label, to.Side.Label);
            // After the parts are known: they come from what each side's exports hold, which renaming does not change.
            if (parse.GetValue(_map) is { } mapFile)
            {
                to = new MappedObjectSource(to, NameMap.Load(mapFile), LyncCatalog.Default);
            }

            var report = new SnapshotDiffer(LyncCatalog.Default, sources.Filter, parse.GetValue(_renames))
                .Compare(from, to, parts);
            if (parse.GetValue(_impact))
            {
                report = report with { Impact = new ImpactAnalyzer(LyncCatalog.Default).Analyze(from, to, report, parts) };
            }

            report = report with { Undo = UndoCommands.For(LyncCatalog.Default, report) };
            return _report.Show(parse, console, report, sources.Context());
        });
    }
}
