using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// The pools a plan exports per pool, found with Get-CsService the way an administrator would: Response
/// Groups live on ApplicationServer pools; users' data on pools with the UserServer role (Front End pools
/// and Standard Edition servers: never a Survivable Branch Appliance, a Director, an Edge or a Mediation
/// pool, where Export-CsUserData cannot succeed); persistent chat in the PersistentChatStore's SQL instance.
/// </summary>
internal sealed record DeploymentPools(IReadOnlyList<string> ApplicationServer, IReadOnlyList<string> UserServer)
{
    public static readonly DeploymentPools None = new([], []);

    /// <summary>The persistent chat database as Export-CsPersistentChatData -DBInstance wants it (sql01.contoso.com\pchat); null when there is none.</summary>
    public string? PersistentChatDatabase { get; init; }

    /// <summary>Asks the deployment; a failure (access denied, no answer) is returned in Lync terms, never thrown.</summary>
    public static (DeploymentPools Pools, string? Failure) Discover(PowerShellHost host, TimeSpan timeout, bool applicationServer, bool userServer, bool persistentChat = false)
    {
        var failures = new List<string>();
        List<IReadOnlyDictionary<string, string>> Ask(bool wanted, string role)
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

            return result.Objects.ToList();
        }

        static List<string> Fqdns(IEnumerable<IReadOnlyDictionary<string, string>> services) =>
            services.Select(o => o.GetValueOrDefault("PoolFqdn") ?? "").Where(p => p.Length > 0)
                .Select(p => p.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();

        var store = Ask(persistentChat, "PersistentChatDatabase").FirstOrDefault();
        var pools = new DeploymentPools(Fqdns(Ask(applicationServer, "ApplicationServer")), Fqdns(Ask(userServer, "UserServer")))
        {
            PersistentChatDatabase = store?.GetValueOrDefault("PoolFqdn") is { Length: > 0 } server
                ? store.GetValueOrDefault("SqlInstanceName") is { Length: > 0 } instance ? $"{server}\\{instance}" : server
                : null,
        };
        return (pools, failures.Count == 0 ? null : string.Join("; ", failures));
    }

    /// <summary>Checks --pool against what the deployment has, so a typo is named instead of exporting nothing.</summary>
    public void Check(IReadOnlyCollection<string> onlyPools)
    {
        var known = ApplicationServer.Concat(UserServer).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (known.Count > 0 && onlyPools.FirstOrDefault(p => !known.Contains(p)) is { } unknown)
        {
            throw new LcvException($"--pool {unknown}: the deployment has no ApplicationServer or UserServer pool of that name (it has {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
        }
    }
}
