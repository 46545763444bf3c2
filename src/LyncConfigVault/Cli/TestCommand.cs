using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Report;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>The deployment's voice test cases, run offline on any snapshot: exit 1 when one fails, so a nightly job can alert.</summary>
internal sealed class TestCommand : SnapshotCommand
{
    public const string Schema = "lcv.test/1";

    public TestCommand(IAnsiConsole console, TimeProvider clock) : base(console, clock, "test", "Run the voice test cases (CsVoiceTestConfiguration) offline, as Test-CsVoiceTestConfiguration does", "test")
    {
    }

    protected override int Answer(IAnsiConsole console, GitObjectSource snapshot, bool json)
    {
        var revision = snapshot.Side.Label;
        var results = VoiceTestRunner.Run(snapshot);
        if (json)
        {
            JsonOutput.Write(console.Profile.Out.Writer, new Dictionary<string, object>
            {
                ["schema"] = Schema,
                ["revision"] = revision,
                ["results"] = results.Select(r => new Dictionary<string, object?>
                {
                    ["identity"] = r.Case.Identity,
                    ["dialed"] = r.Case.DialedNumber,
                    ["passed"] = r.Passed,
                    ["translated"] = r.Route?.Normalized,
                    ["usage"] = r.Route?.Usage,
                    ["route"] = r.Route?.Route,
                    ["failures"] = r.Failures,
                }).ToList(),
            });
        }
        else if (results.Count == 0)
        {
            console.MarkupLineInterpolated($"{revision} holds no voice test cases (New-CsVoiceTestConfiguration creates them).");
        }
        else
        {
            foreach (var result in results)
            {
                console.MarkupLine(result.Passed
                    ? $"[green]pass[/]  {Markup.Escape(result.Case.Identity)}: {Markup.Escape(result.Case.DialedNumber)} → {Markup.Escape(result.Route?.Normalized ?? "")} via {Markup.Escape(result.Route?.Route ?? "(no route)")}"
                    : $"[red]FAIL[/]  {Markup.Escape(result.Case.Identity)}: {Markup.Escape(string.Join("; ", result.Failures))}");
            }

            console.MarkupLineInterpolated($"{results.Count(r => r.Passed)} of {results.Count} voice test cases pass at {revision}.");
        }

        return results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.Differences;
    }
}
