using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class LogCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string> _format = CommonOptions.Format();
    private readonly Argument<string[]> _object = new("object") { Description = "The object: \"VoicePolicy Tag:Intl\", \"DialPlan Site:Dublin\", \"VoiceRoute LocalRoute\"", Arity = ArgumentArity.OneOrMore };

    public LogCommand(IAnsiConsole console, TimeProvider clock) : base("log", "Every change to one object, newest first: when, in which snapshot, and what changed")
    {
        Options.Add(_vault);
        Options.Add(_format);
        Arguments.Add(_object);
        SetAction(parse =>
        {
            var name = ObjectName.Parse(parse.GetValue(_object)!);
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var history = new ObjectHistory(LyncCatalog.Default, vault.Filters(LyncCatalog.Default)).Of(vault, name);
            if (parse.GetValue(_format) == "json")
            {
                HistoryJson.Write(console.Profile.Out.Writer, name, history);
            }
            else
            {
                Print(console, name, history);
            }

            return ExitCodes.Ok;
        });
    }

    private static void Print(IAnsiConsole console, ObjectName name, IReadOnlyList<HistoryEntry> history)
    {
        console.MarkupLineInterpolated($"[bold]{name}[/]: {history.Count} {(history.Count == 1 ? "change" : "changes")}, newest first");
        foreach (var entry in history)
        {
            var change = entry.Change;
            var other = string.Equals(change.Identity, name.Identity, StringComparison.OrdinalIgnoreCase) ? "" : $" as {change.Identity}";
            var what = change.Kind switch
            {
                ObjectChangeKind.Added => "added" + other,
                ObjectChangeKind.Removed => "removed" + other,
                ObjectChangeKind.Renamed => $"renamed from {change.OldIdentity} to {change.Identity}",
                _ => "modified",
            };
            console.WriteLine();
            console.MarkupLineInterpolated($"[grey]{entry.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}[/]  [yellow]{entry.Commit[..7]}[/]  {what}");
            foreach (var property in change.Properties)
            {
                console.MarkupLineInterpolated($"    {property.Path}  {ValueText.Describe(property)}");
            }
        }
    }
}
