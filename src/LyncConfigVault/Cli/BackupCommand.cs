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
    private readonly Option<string?> _module = new("--module") { Description = "The Lync PowerShell module to load (default: SkypeForBusiness)" };
    private readonly Option<int?> _timeout = new("--timeout") { Description = "Seconds each export may take before it is stopped (default: 900)" };
    private readonly Option<string[]> _only = new("--only") { Description = "The exports to run: cms, topology, rgs, lis, users, persistentchat (default: cms, topology, rgs, lis)", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _pools = new("--pool") { Description = "Only these pools for the per-pool exports (rgs, users), e.g. pool01.contoso.com", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _raw = new("--raw") { Description = "Where the raw export archives are kept (default: a folder beside the vault, <vault>.raw)" };
    private readonly Option<int?> _keepRawDays = new("--keep-raw-days") { Description = "Days to keep raw archives; older ones go after a fully successful run (default: 30)" };
    private readonly Option<string?> _remote = new("--remote") { Description = "A pool's remote PowerShell endpoint, https://pool01.contoso.com/OcsPowershell (Windows only)" };
    private readonly Option<string?> _credentialFile = new("--credential-file") { Description = "The account for --remote, saved by lcv credential save (else LCV_USER/LCV_PASSWORD, else the current identity)" };
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
        if (faults.Count > 0 && !simulate)
        {
            throw new LcvException("--fault acts out failures of the simulated Lync module: give --simulate too.");
        }

        var remote = parse.GetValue(_remote) is { } url ? Endpoint(url, simulate) : null;
        var credential = parse.GetValue(_credentialFile) is { } file ? CredentialStore.Load(file) : CredentialStore.FromEnvironment();
        BackupResult result;
        try
        {
            // The lock and the hand-edit check come before the first export, not after an hour of them.
            result = RunScope.Run(vault, "backup", exports, RunReporter.Warning(console), run => Collect(console, parse, run, exports, timeout, keepRawDays, remote, credential, faults));
        }
        catch (Exception e)
        {
            RunSteps.Failed(console, vault, "backup", e);
            throw;
        }

        Print(console, result);
        var pushed = RunSteps.AfterStore(console, vault, result.Stored?.Store.Commit, result.Failures, result.RawFolder, result.Exports.Select(e => (e.Task.DisplayName, e.Succeeded)).ToList());
        return result.Failed.Any() ? ExitCodes.EnvironmentFailed : pushed;
    }

    private BackupResult Collect(IAnsiConsole console, ParseResult parse, RunScope run, IReadOnlyList<string> exports, TimeSpan timeout, int keepRawDays, Uri? remote, LyncCredential? credential, IReadOnlyList<SimulatedFault> faults)
    {
        var vault = run.Vault;
        var settings = vault.Config.Collect;
        var simulate = parse.GetValue(_simulate);
        var server = simulate ? SimulatedNight(vault, faults) : null;
        try
        {
            using var host = HostFactory.Create(parse.GetValue(_host) ?? settings.Host ?? "auto", server?.ModulePath ?? parse.GetValue(_module) ?? settings.Module ?? "SkypeForBusiness", remote, credential);
            if (server is not null)
            {
                var ready = host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1));
                if (!ready.Succeeded)
                {
                    throw LcvException.Environment($"The simulated Lync module did not start: {ready.Failure}");
                }
            }

            var rawRoot = parse.GetValue(_raw) ?? vault.Root.TrimEnd(Path.DirectorySeparatorChar) + ".raw";
            var raw = BackupRun.NewRawFolder(rawRoot, vault.Now);
            var backup = new BackupRun(LyncCatalog.Default, CommitDescriber.Factory(LyncCatalog.Default));
            var onlyPools = CommonOptions.CommaList(parse.GetValue(_pools));
            BackupResult Collect(Action<string> progress)
            {
                progress("Finding the pools (Get-CsService)");
                var (pools, failure) = DeploymentPools.Discover(host, timeout, exports.Contains("rgs"), exports.Contains("users"));
                pools.Check(onlyPools);
                return backup.Run(run, host, ExportPlan.For(exports, raw, remote is not null, pools, onlyPools), raw, timeout, keepRawDays, simulate ? vault.Now : null, progress, failure);
            }

            // A spinner on a console; plain lines in a log, where a spinner would print nothing at all.
            return console.Profile.Capabilities.Interactive
                ? console.Status().Start("Collecting", status => Collect(line => status.Status(Markup.Escape(line))))
                : Collect(line => console.MarkupLineInterpolated($"[grey]{line}[/]"));
        }
        finally
        {
            if (server is not null)
            {
                Directory.Delete(server.Folder, recursive: true);
            }
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

        foreach (var failed in result.Failed)
        {
            console.MarkupLineInterpolated($"[red]{failed.Task.DisplayName} failed:[/] {failed.Failure}{(result.Stored is null ? "" : " — the other exports were stored")}");
        }

        console.MarkupLineInterpolated($"[grey]Raw archives and the run log: {result.RawFolder}[/]");
    }

    /// <summary>
    /// Each simulated backup collects the demo deployment's next night: one more than the backups that read it
    /// so far, committed or not (a night with only re-export noise leaves no commit, and must not repeat forever).
    /// </summary>
    private static SimulatedLyncServer SimulatedNight(VaultRepository vault, IReadOnlyList<SimulatedFault> faults)
    {
        var night = RunHistory.Read(vault.StateFolder).Count(r => r.Command == "backup" && r.ReadLync) + 1;
        // The snapshot is dated when it was collected (the simulated archive's own clock is the demo's).
        var generated = SyntheticNights.Generate(1, night, parts: SyntheticParts.All).Last();
        return SimulatedLyncServer.Create(Path.Combine(Path.GetTempPath(), $"lcv-simulated-lync-{Guid.NewGuid():N}"), generated, faults);
    }
}
