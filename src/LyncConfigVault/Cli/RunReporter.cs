using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Runs;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>Prints what a run stored, the same way for ingest, backfill and demo.</summary>
internal static class RunReporter
{
    private const int ObjectsShown = 8;

    /// <summary>One line when the configuration export held what lcv could only keep generically: lcv inspect says why.</summary>
    private static void GenericNotice(IAnsiConsole console, Snapshot snapshot)
    {
        var generic = snapshot.Objects.Values.Count(o => o.Area == LyncCatalog.UnknownArea);
        if (generic > 0 && snapshot.Exports.FirstOrDefault(e => e.Kind == ExportKind.Cms) is { } cms)
        {
            console.MarkupLineInterpolated($"  [yellow]{generic:N0} objects of the configuration export are kept generically (cms/other):[/] lcv inspect \"{cms.Source}\" says which and why.");
        }
    }

    public static void Print(IAnsiConsole console, string label, IngestResult result, bool listObjects)
    {
        var store = result.Store;
        var when = result.When.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (store.Commit is null)
        {
            console.MarkupLineInterpolated($"{label} [grey]{when}[/]  no change ({result.Snapshot.Objects.Count:N0} objects verified)");
        }
        else if (store.First)
        {
            console.MarkupLineInterpolated($"{label} [grey]{when}[/]  [green]{store.Commit[..7]}[/] first snapshot: {result.Snapshot.Objects.Count:N0} objects");
        }
        else
        {
            console.MarkupLineInterpolated($"{label} [grey]{when}[/]  [green]{store.Commit[..7]}[/] {store.Summary}");
            if (listObjects)
            {
                foreach (var change in store.Changes.OrderBy(c => c.Area, StringComparer.Ordinal).ThenBy(c => c.DisplayName, StringComparer.Ordinal).Take(ObjectsShown))
                {
                    console.MarkupLineInterpolated($"    {Symbol(change.Kind)} {change.DisplayName}");
                }

                if (store.Changes.Count > ObjectsShown)
                {
                    console.MarkupLineInterpolated($"    … and {store.Changes.Count - ObjectsShown} more");
                }
            }
        }

        GenericNotice(console, result.Snapshot);
        foreach (var part in store.Stale)
        {
            console.MarkupLineInterpolated($"    [yellow]{part.Part}: {part.Reason}; carried forward from the previous snapshot[/]");
        }
    }

    /// <summary>How a run's warnings reach the admin: one yellow line each.</summary>
    public static Action<string> Warning(IAnsiConsole console) =>
        message => console.MarkupLineInterpolated($"[yellow]warning:[/] {message}");

    private static string Symbol(string kind) => kind switch
    {
        "added" => "+ added  ",
        "removed" => "- removed",
        "renamed" => "> renamed",
        _ => "~ changed",
    };
}
