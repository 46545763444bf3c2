using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class StatusCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string> _format = CommonOptions.Format();

    public StatusCommand(IAnsiConsole console, TimeProvider clock) : base("status", "Show the latest snapshot, the last run and what the vault holds")
    {
        Options.Add(_vault);
        Options.Add(_format);
        SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(_vault)!, clock);
            var status = VaultStatus.Of(vault);
            if (parse.GetValue(_format) == "json")
            {
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(status, VaultStatus.JsonOptions));
            }
            else
            {
                Print(console, status);
            }

            return ExitCodes.Ok;
        });
    }

    private static void Print(IAnsiConsole console, VaultStatus status)
    {
        static string When(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Vault", Markup.Escape($"{status.Vault} ({status.Deployment})"));
        grid.AddRow("Snapshots", Markup.Escape(status.Snapshots == 0 ? "none yet: run lcv ingest or lcv backup" : $"{status.Snapshots:N0}, the latest {When(status.LatestSnapshot)} ({status.LatestCommit}) {status.LatestSummary}"));
        grid.AddRow("Objects", Markup.Escape(status.Objects == 0 ? "none" : $"{status.Objects:N0}: " + string.Join(", ", status.ObjectsByArea.Select(a => $"{a.Key} {a.Value:N0}"))));
        foreach (var export in status.Exports)
        {
            grid.AddRow("Export", Markup.Escape($"{export.Kind} {When(export.ExportedAt)} {export.Source}"));
        }

        grid.AddRow("Last run", Markup.Escape(status.LastRun is null ? "none recorded" : $"{When(status.LastRun.Started)} {status.LastRun.Command}: {status.LastRun.Result.Word()} — {status.LastRun.Summary}"));
        grid.AddRow("Last verified", Markup.Escape(When(status.LastVerified)));
        grid.AddRow("Last change", Markup.Escape(When(status.LatestSnapshot)));
        foreach (var part in status.Parts.Where(p => p.Stale))
        {
            grid.AddRow("[yellow]Stale[/]", Markup.Escape(PartHealthReader.Describe(part)));
        }
        if (status.Lock is not null)
        {
            grid.AddRow("[yellow]Locked[/]", Markup.Escape(status.Lock));
        }

        console.Write(grid);
    }
}
