using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// The pools a plan exports per pool, found with Get-CsService the way an administrator would:
/// Response Groups live on ApplicationServer pools, users are homed on Registrar pools.
/// </summary>
internal sealed record DeploymentPools(IReadOnlyList<string> ApplicationServer, IReadOnlyList<string> Registrar)
{
    public static readonly DeploymentPools None = new([], []);

    /// <summary>Asks the deployment; a failure (access denied, no answer) is returned in Lync terms, never thrown.</summary>
    public static (DeploymentPools Pools, string? Failure) Discover(PowerShellHost host, TimeSpan timeout, bool applicationServer, bool registrar)
    {
        var failures = new List<string>();
        List<string> Ask(bool wanted, string role)
        {
            if (!wanted)
            {
                return [];
            }

            var result = host.Invoke("Get-CsService", new Dictionary<string, object> { [role] = true }, timeout);
            if (result.Failure is { } failure)
            {
                failures.Add($"Get-CsService -{role} failed: {failure}");
                return [];
            }

            return result.Objects.Select(o => o.GetValueOrDefault("PoolFqdn") ?? "").Where(p => p.Length > 0)
                .Select(p => p.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        }

        var pools = new DeploymentPools(Ask(applicationServer, "ApplicationServer"), Ask(registrar, "Registrar"));
        return (pools, failures.Count == 0 ? null : string.Join("; ", failures));
    }

    /// <summary>Checks --pool against what the deployment has, so a typo is named instead of exporting nothing.</summary>
    public void Check(IReadOnlyCollection<string> onlyPools)
    {
        var known = ApplicationServer.Concat(Registrar).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (known.Count > 0 && onlyPools.FirstOrDefault(p => !known.Contains(p)) is { } unknown)
        {
            throw new LcvException($"--pool {unknown}: the deployment has no ApplicationServer or Registrar pool of that name (it has {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
        }
    }
}
