using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>lcv snapshots: the vault's snapshots, newest first (settings commits left out); --format json is lcv.snapshots/1.</summary>
internal sealed class SnapshotsCommand : Command
{
    public const string Schema = "lcv.snapshots/1";

    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string> _format = CommonOptions.Format();
    private readonly Option<int> _last = new("--last") { Description = "How many snapshots, newest first (default: all)", DefaultValueFactory = _ => int.MaxValue };

    public SnapshotsCommand(IAnsiConsole console, TimeProvider clock) : base("snapshots", "The vault's snapshots, newest first: when each was exported and what it changed")
    {
        Options.Add(_vault);
        Options.Add(_format);
        Options.Add(_last);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var snapshots = vault.LatestSnapshot is { } latest ? RevisionResolver.Snapshots(latest).Take(Math.Max(1, parse.GetValue(_last))).ToList() : [];
            if (parse.GetValue(_format) == "json")
            {
                JsonOutput.Write(console.Profile.Out.Writer, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("schema", Schema);
                    json.WriteStartArray("snapshots");
                    foreach (var snapshot in snapshots)
                    {
                        json.WriteStartObject();
                        json.WriteString("revision", snapshot.Sha);
                        json.WriteString("date", JsonReportWriter.Date(snapshot.Author.When));
                        json.WriteString("summary", snapshot.MessageShort);
                        json.WriteStartArray("stale");
                        CommitMessage.StaleParts(snapshot).ToList().ForEach(json.WriteStringValue);
                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            foreach (var snapshot in snapshots)
            {
                console.MarkupLineInterpolated($"[yellow]{snapshot.Sha[..7]}[/]  {snapshot.Author.When.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {snapshot.MessageShort}");
            }

            return ExitCodes.Ok;
        });
    }
}
