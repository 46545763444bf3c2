using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// Which exports a backup runs, from --only or the vault's collect settings. By default the CMS, the
/// topology, Response Groups for every ApplicationServer pool and the LIS database; user data (for every
/// Registrar pool), per-user policy assignments (Get-CsUser) and persistent chat hold personal data and
/// run only when asked for.
/// </summary>
internal static class ExportPlan
{
    public static readonly IReadOnlyList<string> Default = ["cms", "topology", "rgs", "lis"];

    public static readonly IReadOnlyList<string> Known = ["cms", "topology", "rgs", "lis", "users", "userpolicies", "persistentchat"];

    /// <summary>The exports asked for, checked: each of <paramref name="only"/> may be "a,b"; none means the default plan.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string> only)
    {
        var names = only.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(n => n.ToLowerInvariant()).Distinct().ToList();
        foreach (var name in names.Where(n => !Known.Contains(n)))
        {
            throw new LcvException($"'{name}' is not an export lcv knows: give {string.Join(", ", Known)}, or several joined by commas.");
        }

        return names.Count == 0 ? Default : names;
    }

    /// <summary>The tasks of a plan: per-pool exports for the pools the deployment has, narrowed to <paramref name="onlyPools"/> when given.</summary>
    /// <param name="names">Checked names (<see cref="Names"/>).</param>
    public static IReadOnlyList<ExportTask> For(IReadOnlyList<string> names, string folder, bool remote, DeploymentPools pools, IReadOnlyCollection<string>? onlyPools = null)
    {
        bool Wanted(string pool) => onlyPools is not { Count: > 0 } || onlyPools.Contains(pool, StringComparer.OrdinalIgnoreCase);
        var tasks = new List<ExportTask>();
        foreach (var name in names)
        {
            tasks.AddRange(name switch
            {
                "cms" => [ExportTask.Cms(folder, asBytes: remote)],
                "topology" => [ExportTask.Topology(folder)],
                "rgs" => pools.ApplicationServer.Where(Wanted).Select(p => ExportTask.Rgs(folder, p)),
                "lis" => [ExportTask.Lis(folder, asBytes: remote)],
                "users" => pools.Registrar.Where(Wanted).Select(p => ExportTask.Users(folder, p)),
                "userpolicies" => [ExportTask.UserPolicies(folder)],
                _ => [ExportTask.PersistentChat(folder)],
            });
        }

        return tasks;
    }
}
