using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Report;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>Broken references in a snapshot: exit 1 and the list when there are any, exit 0 when it is clean.</summary>
internal sealed class CheckCommand : SnapshotCommand
{
    public const string Schema = "lcv.check/1";

    public CheckCommand(IAnsiConsole console, TimeProvider clock) : base(console, clock, "check", "Broken references: usages no route carries, routes naming missing gateways, settings scoped to sites that do not exist, patterns that do not compile", "check")
    {
    }

    protected override int Answer(IAnsiConsole console, GitObjectSource snapshot, bool json)
    {
        var revision = snapshot.Side.Label;
        var findings = new ReferenceChecker(LyncCatalog.Default).Check(snapshot);
        if (json)
        {
            var records = findings.Select(f => new Dictionary<string, string> { ["kind"] = f.KindName, ["noun"] = f.Noun, ["identity"] = f.Identity, ["property"] = f.Property, ["target"] = f.Target }).ToList();
            JsonOutput.Write(console.Profile.Out.Writer, new Dictionary<string, object> { ["schema"] = Schema, ["revision"] = revision, ["findings"] = records });
        }
        else if (findings.Count == 0)
        {
            console.MarkupLineInterpolated($"No broken references in {revision}.");
        }
        else
        {
            console.MarkupLineInterpolated($"{findings.Count} finding(s) in {revision}:");
            foreach (var finding in findings)
            {
                console.MarkupLineInterpolated($"  {finding.KindName}: {finding.Describe()}");
            }
        }

        return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Differences;
    }
}
