using System.Globalization;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>lcv runs' text: a table of the last runs, one row each, or each run in full.</summary>
internal static class RunHistoryReporter
{
    // A row stays under 110 characters, in a terminal and in a log; --detail and --format json say everything.
    private const int SummaryWidth = 40;

    public static void Rows(IAnsiConsole console, IReadOnlyList<RunRecord> runs)
    {
        var table = new Table().AddColumns("Started", "Command", "Result", "Took", "Commit", "Summary");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(When(run.Started)),
                Markup.Escape(run.Command),
                $"[{Colour(run)}]{run.Result.Word()}[/]",
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{run.DurationMs / 1000.0:0.0} s")),
                Markup.Escape(run.Commit?[..7] ?? ""),
                Markup.Escape(Shorten(run.Summary)));
        }

        console.Write(table);
        if (runs.Any(r => r.Summary.Length > SummaryWidth || r.Failures.Count > 0))
        {
            console.MarkupLine("[grey]lcv runs --detail shows each run in full.[/]");
        }
    }

    public static void Detail(IAnsiConsole console, RunRecord run)
    {
        console.MarkupLineInterpolated($"[bold]{When(run.Started)}[/]  lcv {run.Command}  [{Colour(run)}]{run.Result.Word()}[/]  {run.DurationMs / 1000.0:0.0} s{(run.Commit is null ? "" : "  " + run.Commit[..7])}");
        console.MarkupLineInterpolated($"    {run.Summary}");
        foreach (var failure in run.Failures)
        {
            console.MarkupLineInterpolated($"    [red]failed:[/] {failure.Export}: {failure.Reason}");
        }

        foreach (var export in run.Exports)
        {
            console.MarkupLineInterpolated($"    [grey]read: {export}[/]");
        }

        foreach (var part in run.Stale)
        {
            console.MarkupLineInterpolated($"    [yellow]carried forward: {part}[/]");
        }

        console.WriteLine();
    }

    private static string Colour(RunRecord run) => run.Result switch
    {
        RunResult.Failed => "red",
        RunResult.Partial => "yellow",
        RunResult.Committed => "green",
        _ => "grey",
    };

    private static string When(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // The first line only, cut at a word where it can be.
    private static string Shorten(string summary)
    {
        var line = summary.Split('\n')[0].TrimEnd();
        if (line.Length <= SummaryWidth)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', SummaryWidth - 1);
        return line[..(cut > SummaryWidth / 2 ? cut : SummaryWidth - 1)] + "…";
    }
}
