using System.CommandLine;
using LyncConfigVault.Collect;
using LyncConfigVault.Credentials;
using LyncConfigVault.Model;
using LyncConfigVault.Runs;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Cli;

/// <summary>lcv backup's options, bound into the settings a backup runs from: the command line wins over the vault's collect settings.</summary>
internal sealed class BackupOptions
{
    public Option<string> Vault { get; } = CommonOptions.Vault();

    public Option<bool> Plan { get; } = new("--plan") { Description = "Print what this deployment's version and this connection let lcv collect, and how; collect nothing" };

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
    private readonly Option<string?> _share = new("--share") { Description = "A folder both this machine and the Front End reach (\\\\server\\lcv$): exports that only write files (Response Groups with audio, user data, persistent chat) go there through a remote session" };
    private readonly Option<string?> _simulateVersion = new("--simulate-version") { Description = "With --simulate: the product the simulated deployment runs, 2010, 2013, 2015 or 2019 (default 2019)" };
    private readonly Option<bool> _simulateRemote = new("--simulate-remote") { Description = "With --simulate: reach it as through a pool's remote session (-FileName stays on the Front End)" };
    private readonly Option<string[]> _faults = new("--fault") { Description = "With --simulate: make an export fail, e.g. Export-CsConfiguration=access-denied (access-denied, unreachable, hang, no-file, truncated)", AllowMultipleArgumentsPerToken = true };

    public void AddTo(Command command)
    {
        // The order --help lists them in.
        Option[] all = [Vault, _simulate, _host, _module, _timeout, _only, _pools, _raw, _keepRawDays, _remote, _credentialFile, _faults, Plan, _share, _simulateVersion, _simulateRemote];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        _simulateVersion.AcceptOnlyFromAmong(LyncVersions.Names);
        _host.AcceptOnlyFromAmong(HostFactory.Kinds);
    }

    /// <summary>The settings of this backup, checked: options that only make sense together are refused alone.</summary>
    public BackupSettings Bind(ParseResult parse, VaultRepository vault)
    {
        var settings = vault.Config.Collect;   // the vault's defaults; the command line wins
        var exports = ExportPlan.Names(parse.GetValue(_only) is { Length: > 0 } given ? given : settings.Exports ?? []);
        var faults = (parse.GetValue(_faults) ?? []).Select(SimulatedFault.Parse).ToList();
        var simulate = parse.GetValue(_simulate);
        if ((faults.Count > 0 || parse.GetValue(_simulateVersion) is not null || parse.GetValue(_simulateRemote)) && !simulate)
        {
            throw new LcvException("--fault, --simulate-version and --simulate-remote act on the simulated Lync module: give --simulate too.");
        }

        return new BackupSettings(
            Exports: exports,
            Timeout: TimeSpan.FromSeconds(parse.GetValue(_timeout) ?? settings.TimeoutSeconds ?? 900),
            KeepRawDays: parse.GetValue(_keepRawDays) ?? settings.KeepRawDays ?? 30,
            HostKind: parse.GetValue(_host) ?? settings.Host ?? "auto",
            Modules: (parse.GetValue(_module) ?? settings.Module) is { } named ? [named] : HostFactory.DefaultModules,
            Remote: parse.GetValue(_remote) is { } url ? Endpoint(url, simulate) : null,
            Credential: parse.GetValue(_credentialFile) is { } file ? CredentialStore.Load(file) : CredentialStore.FromEnvironment(),
            Share: parse.GetValue(_share) is { } folder ? Path.GetFullPath(folder) : null,
            RawRoot: parse.GetValue(_raw) ?? vault.Root.TrimEnd(Path.DirectorySeparatorChar) + ".raw",
            OnlyPools: CommonOptions.CommaList(parse.GetValue(_pools)),
            Simulated: simulate
                ? new SimulatedDeployment(faults, parse.GetValue(_simulateVersion) is { } year ? LyncVersions.FromYear(year) : LyncVersion.SkypeForBusiness2019, parse.GetValue(_simulateRemote))
                : null);
    }

    private static Uri Endpoint(string url, bool simulate) =>
        simulate ? throw new LcvException("--remote and --simulate do not go together: the simulated module runs on this machine.")
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri
        : throw new LcvException($"'{url}' is not a remote PowerShell endpoint: give https://pool01.contoso.com/OcsPowershell.");
}
