using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class BaselineCommand : Command
{
    public BaselineCommand(IAnsiConsole console, TimeProvider clock) : base("baseline", "Name a reviewed snapshot (baseline/NAME) that lcv drift compares against")
    {
        Subcommands.Add(Set(console, clock));
        Subcommands.Add(List(console, clock));
        Subcommands.Add(Remove(console, clock));
    }

    private static Command Set(IAnsiConsole console, TimeProvider clock)
    {
        var vaultOption = CommonOptions.Vault();
        var name = new Argument<string>("name") { Description = "approved, change-1042 …" };
        var revision = new Argument<string?>("revision") { Description = "The snapshot (default: the latest)", Arity = ArgumentArity.ZeroOrOne };
        var message = new Option<string?>("--message", "-m") { Description = "Why this state is the reference: a change ticket, a review" };
        var command = new Command("set", "Mark a snapshot as reviewed: lcv baseline set approved [REVISION]") { vaultOption, name, revision, message };
        command.SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(vaultOption)!, clock);
            var snapshot = new RevisionResolver(vault).Resolve(parse.GetValue(revision));
            var previous = new Baselines(vault).Set(parse.GetValue(name)!, snapshot, parse.GetValue(message));
            var moved = previous is null ? "" : $" (moved from {previous[..7]})";
            console.MarkupLineInterpolated($"baseline/{parse.GetValue(name)} is the snapshot {snapshot.Sha[..7]} of {snapshot.Author.When.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}{moved}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(IAnsiConsole console, TimeProvider clock)
    {
        var vaultOption = CommonOptions.Vault();
        var command = new Command("list", "The vault's baselines") { vaultOption };
        command.SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(vaultOption)!, clock);
            var baselines = new Baselines(vault).All();
            if (baselines.Count == 0)
            {
                console.MarkupLine("No baselines yet: lcv baseline set approved marks the latest snapshot as reviewed.");
            }

            foreach (var baseline in baselines)
            {
                console.MarkupLineInterpolated($"baseline/{baseline.Name}  {baseline.Commit[..7]} {baseline.SnapshotDate.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  set by {baseline.SetBy} {baseline.SetAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}: {baseline.Message}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(IAnsiConsole console, TimeProvider clock)
    {
        var vaultOption = CommonOptions.Vault();
        var name = new Argument<string>("name");
        var command = new Command("remove", "Remove a baseline (the snapshots stay)") { vaultOption, name };
        command.SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(vaultOption)!, clock);
            new Baselines(vault).Remove(parse.GetValue(name)!);
            console.MarkupLineInterpolated($"baseline/{parse.GetValue(name)} removed");
            return ExitCodes.Ok;
        });
        return command;
    }
}
