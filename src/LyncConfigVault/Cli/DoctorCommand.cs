using System.CommandLine;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class DoctorCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();

    public DoctorCommand(IAnsiConsole console, TimeProvider clock) : base("doctor", "Check the vault before a night runs: lock, edits, the last run, stale parts, the pseudonym key, free disk")
    {
        Options.Add(_vault);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var lines = VaultCheckup.Of(vault);
            foreach (var line in lines)
            {
                if (line.Passed)
                {
                    console.MarkupLineInterpolated($"[green]✔[/] {line.Subject}: {line.Detail}");
                }
                else
                {
                    console.MarkupLineInterpolated($"[red]✖[/] {line.Subject}: {line.Detail}");
                }
            }

            // Like lcv check: 1 says something needs a look, and nothing is wrong with lcv itself.
            return lines.All(l => l.Passed) ? ExitCodes.Ok : ExitCodes.Differences;
        });
    }
}
