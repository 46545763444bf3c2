using System.CommandLine;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>The run log: the last runs, with or without a commit (lcv.runs/1 with --format json).</summary>
internal sealed class RunsCommand : Command
{
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
                runs.ForEach(run => RunHistoryReporter.Detail(console, run));
                return ExitCodes.Ok;
            }

            RunHistoryReporter.Rows(console, runs);
            return ExitCodes.Ok;
        });
    }
}
