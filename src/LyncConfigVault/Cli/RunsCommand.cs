using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class RunsCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string> _format = CommonOptions.Format();
    private readonly Option<int> _last = new("--last") { Description = "How many runs, newest first", DefaultValueFactory = _ => 20 };

    public RunsCommand(IAnsiConsole console, TimeProvider clock) : base("runs", "The last runs, with or without a commit: when, what, how long, the result")
    {
        Options.Add(_vault);
        Options.Add(_format);
        Options.Add(_last);
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
            }

            var table = new Table().AddColumns("Started", "Command", "Result", "Took", "Commit", "Summary");
            foreach (var run in runs)
            {
                var colour = run.Result switch { RunRecord.Failed => "red", RunRecord.Committed => "green", _ => "grey" };
                table.AddRow(
                    Markup.Escape(run.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                    Markup.Escape(run.Command),
                    $"[{colour}]{Markup.Escape(run.Result)}[/]",
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{run.DurationMs / 1000.0:0.0} s")),
                    Markup.Escape(run.Commit?[..7] ?? ""),
                    Markup.Escape(run.Summary));
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
    }
}
