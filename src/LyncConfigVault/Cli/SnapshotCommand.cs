using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// A command that answers about one snapshot of a vault (--vault, --at), in text or as JSON (--format): lcv check
/// and lcv test. It opens the snapshot; the command says what it finds there and picks the exit code.
/// </summary>
internal abstract class SnapshotCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string?> _at;
    private readonly Option<string> _format = CommonOptions.Format();

    /// <param name="verb">What the command does to the snapshot, for --at's help: "check", "test".</param>
    protected SnapshotCommand(IAnsiConsole console, TimeProvider clock, string name, string description, string verb) : base(name, description)
    {
        _at = CommonOptions.At(verb);
        Options.Add(_vault);
        Options.Add(_at);
        Options.Add(_format);
        SetAction(parse =>
        {
            using var sources = new ComparisonSources(LyncCatalog.Default, parse.GetValue(_vault)!, clock);
            return Answer(console, sources.Snapshot(parse.GetValue(_at)), parse.GetValue(_format) == "json");
        });
    }

    /// <summary>Says what the snapshot holds, as text or as the command's JSON document, and returns the exit code.</summary>
    protected abstract int Answer(IAnsiConsole console, GitObjectSource snapshot, bool json);
}
