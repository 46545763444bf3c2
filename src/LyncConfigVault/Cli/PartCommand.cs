using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// The parts a vault holds (cms, topology, lis, rgs/&lt;pool&gt;, users/&lt;pool&gt; …): which runs still collect
/// them, and retiring one the deployment no longer has, so it is not carried forward for ever.
/// </summary>
internal sealed class PartCommand : Command
{
    public PartCommand(IAnsiConsole console, TimeProvider clock) : base("part", "The parts of the vault (cms, rgs/<pool> …): list them, or retire one the deployment no longer has")
    {
        var vaultOption = CommonOptions.Vault();
        var list = new Command("list", "Each part, when a run last collected it, and whether it is stale") { vaultOption };
        list.SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(vaultOption)!, clock);
            foreach (var part in PartHealthReader.Of(vault))
            {
                var last = part.LastCollected?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "not in the run log";
                console.MarkupLineInterpolated($"{part.Part}  last collected {last}{(part.RunsSince > 0 ? $", {part.RunsSince} runs ago" : "")}{(part.Stale ? "  [yellow]stale[/]" : "")}");
            }

            return ExitCodes.Ok;
        });

        var name = new Argument<string>("part") { Description = "The part to retire, as lcv part list names it: rgs/oldpool01.contoso.com" };
        var why = new Option<string?>("--message", "-m") { Description = "Why it is gone: a change ticket, the pool's decommissioning" };
        var retire = new Command("retire", "Remove a part the deployment no longer has in one commit; its history stays") { vaultOption, name, why };
        retire.SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(vaultOption)!, clock);
            var part = parse.GetValue(name)!.Trim().TrimEnd('/');
            var commit = RunScope.Run(vault, "part retire", [part], RunReporter.Warning(console), run => run.RetirePart(part, parse.GetValue(why)));
            console.MarkupLineInterpolated($"Retired {part} ({commit[..7]}): later runs no longer carry it forward. lcv diff and lcv log still show its history.");
            return PushReporter.Print(console, RemotePusher.PushAll(vault));
        });

        Subcommands.Add(list);
        Subcommands.Add(retire);
    }
}
