using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class RunsCommand : Command
{
    // A row stays under 110 characters, in a terminal and in a log; --detail and --format json say everything.
    private const int SummaryWidth = 40;

    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string> _format = CommonOptions.Format();
    private readonly Option<int> _last = new("--last") { Description = "How many runs, newest first", DefaultValueFactory = _ => 20 };
    private readonly Option<bool> _detail = new("--detail") { Description = "Every run in full: each failed export in its own words, the exports read, the parts carried forward" };

    public RunsCommand(IAnsiConsole console, TimeProvider clock) : base("runs", "The last runs, with or without a commit: when, what, how long, the result")
    {
        Options.Add(_vault);
        Options.Add(_format);
        Options.Add(_last);
        Options.Add(_detail);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var runs = RunHistory.Read(vault.StateFolder).Reverse().Take(Math.Max(1, parse.GetValue(_last))).ToList();
            if (parse.GetValue(_format) == "json")
            {
                JsonOutput.Write(console.Profile.Out.Writer, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("schema", "lcv.runs/1");
                    json.WritePropertyName("runs");
                    System.Text.Json.JsonSerializer.Serialize(json, runs, RunHistory.JsonOptions);
                    json.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            if (runs.Count == 0)
            {
                console.MarkupLine("No run recorded yet: lcv backup or lcv ingest records each run.");
                return ExitCodes.Ok;
            }

            if (parse.GetValue(_detail))
            {
                runs.ForEach(run => Detail(console, run));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Started", "Command", "Result", "Took", "Commit", "Summary");
            foreach (var run in runs)
            {
                table.AddRow(
                    Markup.Escape(When(run.Started)),
                    Markup.Escape(run.Command),
                    $"[{Colour(run)}]{Markup.Escape(run.Result)}[/]",
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{run.DurationMs / 1000.0:0.0} s")),
                    Markup.Escape(run.Commit?[..7] ?? ""),
                    Markup.Escape(Shorten(run.Summary)));
            }

            console.Write(table);
            if (runs.Any(r => r.Summary.Length > SummaryWidth || r.Failures.Count > 0))
            {
                console.MarkupLine("[grey]lcv runs --detail shows each run in full.[/]");
            }

            return ExitCodes.Ok;
        });
    }

    private static void Detail(IAnsiConsole console, RunRecord run)
    {
        console.MarkupLineInterpolated($"[bold]{When(run.Started)}[/]  lcv {run.Command}  [{Colour(run)}]{run.Result}[/]  {run.DurationMs / 1000.0:0.0} s{(run.Commit is null ? "" : "  " + run.Commit[..7])}");
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
        RunRecord.Failed => "red",
        RunRecord.Partial => "yellow",
        RunRecord.Committed => "green",
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
