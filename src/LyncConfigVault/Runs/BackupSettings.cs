using LyncConfigVault.Collect;
using LyncConfigVault.Credentials;
using LyncConfigVault.Model;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Runs;

/// <summary>
/// Everything one lcv backup works from, the command line and the vault's collect settings already merged
/// and checked: which exports, where they run, for how long, where the raw archives go.
/// </summary>
/// <param name="HostKind">auto, in-process, pwsh or windows-powershell.</param>
/// <param name="Modules">The Lync modules to try, in order.</param>
/// <param name="Remote">A pool's remote PowerShell endpoint, or null for this machine.</param>
/// <param name="Share">A folder both this machine and the Front End reach, for exports that only write files.</param>
/// <param name="RawRoot">Where each run's dated raw folder is made (beside the vault, never inside it).</param>
/// <param name="OnlyPools">The pools the per-pool exports are limited to; empty for all.</param>
/// <param name="Simulated">With --simulate: the simulated deployment to collect from instead of Lync.</param>
internal sealed record BackupSettings(
    IReadOnlyList<string> Exports,
    TimeSpan Timeout,
    int KeepRawDays,
    string HostKind,
    IReadOnlyList<string> Modules,
    Uri? Remote,
    LyncCredential? Credential,
    string? Share,
    string RawRoot,
    IReadOnlyCollection<string> OnlyPools,
    SimulatedDeployment? Simulated);

/// <summary>What --simulate collects from: the simulated module's product, its injected failures, and whether it is reached as through a remote session.</summary>
internal sealed record SimulatedDeployment(IReadOnlyList<SimulatedFault> Faults, LyncVersion Version, bool Remote);
