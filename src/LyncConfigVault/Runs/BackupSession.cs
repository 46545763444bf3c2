using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Credentials;
using LyncConfigVault.Model;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>
/// What a backup works with before its first export: the PowerShell host with the Lync module loaded (or the
/// simulated server's), the product and connection, the deployment's pools, and the plan made from them.
/// </summary>
internal sealed class BackupSession : IDisposable
{
    private readonly SimulatedLyncServer? _server;

    private BackupSession(PowerShellHost host, SimulatedLyncServer? server, CollectionSite site, DeploymentPools pools, string? poolFailure)
    {
        Host = host;
        _server = server;
        Site = site;
        Pools = pools;
        PoolFailure = poolFailure;
    }

    public PowerShellHost Host { get; }

    public CollectionSite Site { get; }

    public DeploymentPools Pools { get; }

    /// <summary>Why the pools could not be listed (a failed export of its own), or null.</summary>
    public string? PoolFailure { get; }

    /// <param name="simulated">With --simulate: the simulated deployment (its product, faults, whether it is reached "remotely") and the night it serves.</param>
    public static BackupSession Open(string hostKind, IReadOnlyList<string> modules, Uri? remote, LyncCredential? credential, string? share,
        (SimulatedDeployment Deployment, SyntheticNight Night)? simulated, IReadOnlyList<string> exports, TimeSpan timeout, Action<string> progress)
    {
        var server = simulated is { } s
            ? SimulatedLyncServer.Create(Path.Combine(Path.GetTempPath(), $"lcv-simulated-lync-{Guid.NewGuid():N}"), s.Night, s.Deployment.Faults, s.Deployment.Version, s.Deployment.Remote, share)
            : null;
        PowerShellHost? host = null;
        try
        {
            host = HostFactory.Create(hostKind, server?.ModuleCandidates ?? modules, remote, credential);
            if (server is not null)
            {
                var ready = host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1));
                if (!ready.Succeeded)
                {
                    throw LcvException.Environment($"The simulated Lync module did not start: {ready.Failure}");
                }
            }

            progress("Asking the deployment its version (Get-CsServerVersion) and pools (Get-CsService)");
            var (version, product) = CollectionSite.Detect(host, timeout);
            var site = new CollectionSite(version, product, remote is not null || simulated?.Deployment.Remote == true, share);
            var (pools, failure) = DeploymentPools.Discover(host, timeout, Asked(exports, ExportKind.Rgs), Asked(exports, ExportKind.UserData), Asked(exports, ExportKind.PersistentChat));
            return new BackupSession(host, server, site, pools, failure);
        }
        catch
        {
            host?.Dispose();
            Delete(server);
            throw;
        }
    }

    public IReadOnlyList<PlannedExport> Plan(IReadOnlyList<string> exports, string folder, IReadOnlyCollection<string> onlyPools)
    {
        Pools.Check(onlyPools);
        return ExportPlan.For(exports, folder, Site, Pools, onlyPools);
    }

    public void Dispose()
    {
        Host.Dispose();
        Delete(_server);
    }

    private static void Delete(SimulatedLyncServer? server)
    {
        if (server is not null && Directory.Exists(server.Folder))
        {
            Directory.Delete(server.Folder, recursive: true);
        }
    }

    private static bool Asked(IReadOnlyList<string> exports, ExportKind kind) => exports.Contains(ExportKinds.Of(kind).Name);
}
