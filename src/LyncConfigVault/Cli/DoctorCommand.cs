using System.CommandLine;
using LyncConfigVault.Collect;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class DoctorCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string?> _remote = new("--remote") { Description = "Also check a pool's remote PowerShell endpoint, https://pool01.contoso.com/OcsPowershell" };
    private readonly Option<string?> _module = new("--module") { Description = "The Lync module to look for (default: SkypeForBusiness, then Lync)" };

    public DoctorCommand(IAnsiConsole console, TimeProvider clock) : base("doctor", "Check this machine and the vault before a night runs: ✔ or ✖ per check, with what to do")
    {
        Options.Add(_vault);
        Options.Add(_remote);
        Options.Add(_module);
        SetAction(parse =>
        {
            var remote = parse.GetValue(_remote) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
            var lines = CollectionCheckup.Of(parse.GetValue(_module) ?? "SkypeForBusiness", remote).ToList();
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            lines.AddRange(VaultCheckup.Of(vault));
            foreach (var line in lines)
            {
                if (line.Skipped)
                {
                    console.MarkupLineInterpolated($"[grey]– {line.Subject}: {line.Detail}[/]");
                }
                else if (line.Passed)
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
