using System.CommandLine;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class GitSetupCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string?> _lcv = new("--lcv") { Description = "The lcv command Git should run (default: this lcv)" };

    public GitSetupCommand(IAnsiConsole console, TimeProvider clock) : base("git-setup", "Make git log -p and git diff in the vault show one line per Lync value, noise left out")
    {
        Options.Add(_vault);
        Options.Add(_lcv);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var command = parse.GetValue(_lcv) ?? This;
            var committed = RunScope.Run(vault, "git-setup", [], RunReporter.Warning(console), run => GitDiffDriver.Register(run, command));
            console.MarkupLineInterpolated($"Git in {vault.Root} now diffs Lync objects through {command} textconv{(committed ? " (.gitattributes updated and committed)" : "")}.");
            console.WriteLine($"Try: git -C \"{vault.Root}\" log -p -3");
            return ExitCodes.Ok;
        });
    }

    /// <summary>The command line that starts this lcv, as Git's shell needs it.</summary>
    public static string This => GitDiffDriver.CommandOf(LcvProgram.Current.Executable, LcvProgram.Current.Assembly);
}
