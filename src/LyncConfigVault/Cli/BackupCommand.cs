using System.CommandLine;
using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Model;
using LyncConfigVault.Notify;
using LyncConfigVault.Report;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class BackupCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<bool> _simulate = new("--simulate") { Description = "Collect from the simulated Lync module (the Fabrikam demo deployment): try lcv anywhere" };
    private readonly Option<string?> _host = new("--host") { Description = "Where the Lync cmdlets run: auto (default), in-process, pwsh or windows-powershell" };
    private readonly Option<string?> _module = new("--module") { Description = "The Lync PowerShell module to load (default: SkypeForBusiness, then Lync)" };
    private readonly Option<int?> _timeout = new("--timeout") { Description = "Seconds each export may take before it is stopped (default: 900)" };
    private readonly Option<string[]> _only = new("--only") { Description = "The exports to run: cms, topology, rgs, lis, users, userpolicies, persistentchat (default: cms, topology, rgs, lis)", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _pools = new("--pool") { Description = "Only these pools for the per-pool exports (rgs, users), e.g. pool01.contoso.com", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _raw = new("--raw") { Description = "Where the raw export archives are kept (default: a folder beside the vault, <vault>.raw)" };
    private readonly Option<int?> _keepRawDays = new("--keep-raw-days") { Description = "Days to keep raw archives; older ones go after a fully successful run (default: 30)" };
    private readonly Option<string?> _remote = new("--remote") { Description = "A pool's remote PowerShell endpoint, https://pool01.contoso.com/OcsPowershell (Windows only)" };
    private readonly Option<string?> _credentialFile = new("--credential-file") { Description = "The account for --remote, saved by lcv credential save (else LCV_USER/LCV_PASSWORD, else the current identity)" };
    private readonly Option<bool> _plan = new("--plan") { Description = "Print what this deployment's version and this connection let lcv collect, and how; collect nothing" };
    private readonly Option<string?> _share = new("--share") { Description = "A folder both this machine and the Front End reach (\\\\server\\lcv$): exports that only write files (Response Groups with audio, user data, persistent chat) go there through a remote session" };
    private readonly Option<string?> _simulateVersion = new("--simulate-version") { Description = "With --simulate: the product the simulated deployment runs, 2010, 2013, 2015 or 2019 (default 2019)" };
    private readonly Option<bool> _simulateRemote = new("--simulate-remote") { Description = "With --simulate: reach it as through a pool's remote session (-FileName stays on the Front End)" };
    private readonly Option<string[]> _faults = new("--fault") { Description = "With --simulate: make an export fail, e.g. Export-CsConfiguration=access-denied (access-denied, unreachable, hang, no-file, truncated)", AllowMultipleArgumentsPerToken = true };

    private readonly TimeProvider _clock;

    public BackupCommand(IAnsiConsole console, TimeProvider clock) : base("backup", "Collect the Lync exports through PowerShell and store them as one snapshot")
    {
        _clock = clock;
        Options.Add(_vault);
        Options.Add(_simulate);
        Options.Add(_host);
        Options.Add(_module);
        Options.Add(_timeout);
        Options.Add(_only);
        Options.Add(_pools);
        Options.Add(_raw);
        Options.Add(_keepRawDays);
        Options.Add(_remote);
        Options.Add(_credentialFile);
        Options.Add(_faults);
        Options.Add(_plan);
        Options.Add(_share);
        Options.Add(_simulateVersion);
        Options.Add(_simulateRemote);
        _simulateVersion.AcceptOnlyFromAmong(LyncVersions.Names);
        _host.AcceptOnlyFromAmong(HostFactory.Kinds);
        SetAction(parse => Run(console, parse));
    }

    private int Run(IAnsiConsole console, ParseResult parse)
    {
        using var vault = VaultRepository.Open(parse.GetValue(_vault)!, _clock);
        var settings = vault.Config.Collect;   // the vault's defaults; the command line wins
        var exports = ExportPlan.Names(parse.GetValue(_only) is { Length: > 0 } given ? given : settings.Exports ?? []);
        var timeout = TimeSpan.FromSeconds(parse.GetValue(_timeout) ?? settings.TimeoutSeconds ?? 900);
        var keepRawDays = parse.GetValue(_keepRawDays) ?? settings.KeepRawDays ?? 30;
        var faults = (parse.GetValue(_faults) ?? []).Select(SimulatedFault.Parse).ToList();
        var simulate = parse.GetValue(_simulate);
        if ((faults.Count > 0 || parse.GetValue(_simulateVersion) is not null || parse.GetValue(_simulateRemote)) && !simulate)
        {
            throw new LcvException("--fault, --simulate-version and --simulate-remote act on the simulated Lync module: give --simulate too.");
        }

        var remote = parse.GetValue(_remote) is { } url ? Endpoint(url, simulate) : null;
        var credential = parse.GetValue(_credentialFile) is { } file ? CredentialStore.Load(file) : CredentialStore.FromEnvironment();
        IReadOnlyList<string> modules = (parse.GetValue(_module) ?? settings.Module) is { } named ? [named] : HostFactory.DefaultModules;
        var share = parse.GetValue(_share) is { } folder ? Path.GetFullPath(folder) : null;
        var progress = (Action<string>)(line => console.MarkupLineInterpolated($"[grey]{line}[/]"));
        (SyntheticNight, IReadOnlyList<SimulatedFault>, LyncVersion, bool)? simulated = simulate
            ? (SimulatedNight(vault), faults, parse.GetValue(_simulateVersion) is { } year ? LyncVersions.FromYear(year) : LyncVersion.SkypeForBusiness2019, parse.GetValue(_simulateRemote))
            : null;
        var onlyPools = CommonOptions.CommaList(parse.GetValue(_pools));
        if (parse.GetValue(_plan))
        {
            // Asks the deployment what it is and has; collects nothing, commits nothing.
            using var session = BackupSession.Open(parse.GetValue(_host) ?? settings.Host ?? "auto", modules, remote, credential, share, simulated, exports, timeout, progress);
            PrintPlan(console, session, session.Plan(exports, "<raw folder>", onlyPools));
            return ExitCodes.Ok;
        }

        BackupResult result;
        try
        {
            // The lock and the hand-edit check come before the first export, not after an hour of them.
            result = RunScope.Run(vault, "backup", exports, RunReporter.Warning(console), run =>
            {
                using var session = BackupSession.Open(parse.GetValue(_host) ?? settings.Host ?? "auto", modules, remote, credential, share, simulated, exports, timeout, progress);
                var raw = BackupRun.NewRawFolder(parse.GetValue(_raw) ?? vault.Root.TrimEnd(Path.DirectorySeparatorChar) + ".raw", vault.Now);
                var plan = session.Plan(exports, raw, onlyPools);
                var backup = new BackupRun(LyncCatalog.Default, CommitDescriber.Factory(LyncCatalog.Default));
                return backup.Run(run, session.Host, plan, session.Site, raw, timeout, keepRawDays, simulate ? vault.Now : null, progress, session.PoolFailure);
            });
        }
        catch (Exception e)
        {
            RunSteps.Failed(console, vault, "backup", e);
            throw;
        }

        Print(console, result);
        var pushed = RunSteps.AfterStore(console, vault, result.Stored, result.Failures, result.RawFolder, result.Exports.Select(e => (e.Task.DisplayName, e.Succeeded)).ToList());
        return result.Failed.Any() ? ExitCodes.EnvironmentFailed : pushed;
    }

    private static void PrintPlan(IAnsiConsole console, BackupSession session, IReadOnlyList<PlannedExport> plan)
    {
        console.MarkupLineInterpolated($"[bold]{session.Site.ProductText}[/]{(session.Site.Remote ? " through a remote session" : "")}{(session.Site.Share is { } share ? ", share " + share : "")}:");
        foreach (var line in plan)
        {
            if (line.NotCollected is null)
            {
                console.MarkupLineInterpolated($"  [green]collect[/] {line.Line}");
            }
            else
            {
                console.MarkupLineInterpolated($"  [yellow]skip[/]    {line.Line}");
            }
        }

        if (session.PoolFailure is { } failure)
        {
            console.MarkupLineInterpolated($"  [red]the pools could not be listed:[/] {failure}");
        }
    }

    private static Uri Endpoint(string url, bool simulate) =>
        simulate ? throw new LcvException("--remote and --simulate do not go together: the simulated module runs on this machine.")
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri
        : throw new LcvException($"'{url}' is not a remote PowerShell endpoint: give https://pool01.contoso.com/OcsPowershell.");

    private static void Print(IAnsiConsole console, BackupResult result)
    {
        if (result.Stored is { } stored)
        {
            RunReporter.Print(console, "Snapshot", stored, listObjects: true);
        }

        foreach (var line in result.NotCollected)
        {
            console.MarkupLineInterpolated($"[yellow]{line}[/]");
        }

        foreach (var failed in result.Failed)
        {
            console.MarkupLineInterpolated($"[red]{failed.Task.DisplayName} failed:[/] {failed.Failure}{(result.Stored is null ? "" : " — the other exports were stored")}");
        }

        console.MarkupLineInterpolated($"[grey]Raw archives and the run log: {result.RawFolder}[/]");
    }

    /// <summary>
    /// Each simulated backup collects the demo deployment's next night: one more than the backups that read it
    /// so far, committed or not (a night with only re-export noise leaves no commit, and must not repeat forever).
    /// The snapshot is dated when it was collected (the simulated archive's own clock is the demo's).
    /// </summary>
    private static SyntheticNight SimulatedNight(VaultRepository vault)
    {
        var night = RunHistory.Read(vault.StateFolder).Count(r => r.Command == "backup" && r.ReadLync) + 1;
        return SyntheticNights.Generate(1, night, parts: SyntheticParts.All).Last();
    }
}
