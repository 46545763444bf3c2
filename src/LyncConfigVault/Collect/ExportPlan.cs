using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// Which exports a backup runs, from --only or the vault's collect settings, and how each is collected on this
/// product through this connection. By default the CMS, the topology, Response Groups for every ApplicationServer
/// pool and the LIS database; user data (for every UserServer pool), per-user policy assignments (Get-CsUser) and
/// persistent chat hold personal data and run only when asked for.
/// </summary>
internal static class ExportPlan
{
    public static readonly IReadOnlyList<string> Default = ExportKinds.All.Where(e => e.Default).Select(e => e.Name).ToList();

    public static readonly IReadOnlyList<string> Known = ExportKinds.All.Select(e => e.Name).ToList();

    private static readonly string PersistentChatName = ExportKinds.Of(ExportKind.PersistentChat).Name;

    private const string RgsObjectsHow = "Get-CsRgsWorkflow, -Queue, -AgentGroup, -HoursOfBusiness, -HolidaySet, -Configuration (objects: audio prompts are not collected this way)";

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

    /// <summary>Each export of a plan, and how this site collects it or why it cannot: per-pool exports for the pools the deployment has, narrowed to <paramref name="onlyPools"/>.</summary>
    /// <param name="names">Checked names (<see cref="Names"/>).</param>
    public static IReadOnlyList<PlannedExport> For(IReadOnlyList<string> names, string folder, CollectionSite site, DeploymentPools pools, IReadOnlyCollection<string>? onlyPools = null)
    {
        bool Wanted(string pool) => onlyPools is not { Count: > 0 } || onlyPools.Contains(pool, StringComparer.OrdinalIgnoreCase);
        var product = site.Version.ProductName();
        // Through a remote session a -FileName is the Front End's path: only a share both sides reach brings the file back.
        var files = site.Remote ? site.Share : folder;
        var plan = new List<PlannedExport>();
        foreach (var name in names)
        {
            plan.AddRange(ExportKinds.Named(name)!.Kind switch
            {
                ExportKind.Cms => [new PlannedExport(name, "*", ExportTask.Cms(folder, asBytes: site.Remote), site.Remote ? "Export-CsConfiguration -AsBytes" : "Export-CsConfiguration -FileName")],
                ExportKind.Topology => [new PlannedExport(name, "*", ExportTask.Topology(folder), "Get-CsTopology -AsXml")],
                ExportKind.Lis => [new PlannedExport(name, "*", ExportTask.Lis(folder, asBytes: site.Remote), site.Remote ? "Export-CsLisConfiguration -AsBytes" : "Export-CsLisConfiguration -FileName")],
                ExportKind.Rgs => pools.ApplicationServer.Where(Wanted).Select(pool =>
                    site.Version == LyncVersion.Lync2010 ? new PlannedExport(name, pool, ExportTask.RgsObjects(folder, pool), $"{product} has no Export-CsRgsConfiguration: {RgsObjectsHow}")
                    : files is null ? new PlannedExport(name, pool, ExportTask.RgsObjects(folder, pool), $"remote session, no --share: {RgsObjectsHow}")
                    : new PlannedExport(name, pool, ExportTask.Rgs(files, pool), $"Export-CsRgsConfiguration -FileName{(site.Remote ? " on the share" : "")}")),
                ExportKind.UserData => site.Version == LyncVersion.Lync2010
                    ? [PlannedExport.Skipped(name, "*", $"{product} has no Export-CsUserData: its user data is exported with DBImpExp.exe")]
                    : pools.UserServer.Where(Wanted).Select(pool => files is null
                        ? PlannedExport.Skipped(name, pool, "Export-CsUserData writes only on the Front End's disk through a remote session: give --share")
                        : new PlannedExport(name, pool, ExportTask.Users(files, pool), $"Export-CsUserData -FileName{(site.Remote ? " on the share" : "")}")),
                ExportKind.UserPolicies => [new PlannedExport(name, "*", ExportTask.UserPolicies(folder), "Get-CsUser (objects)")],
                _ => [PersistentChat(folder, files, site, pools)],
            });
        }

        return plan;
    }

    private static PlannedExport PersistentChat(string folder, string? files, CollectionSite site, DeploymentPools pools) =>
        site.Version == LyncVersion.Lync2010 ? PlannedExport.Skipped(PersistentChatName, "*", $"{site.Version.ProductName()} has Group Chat, not Persistent Chat")
        : pools.PersistentChatDatabase is not { } database ? PlannedExport.Skipped(PersistentChatName, "*", "the topology has no Persistent Chat store")
        : files is null ? PlannedExport.Skipped(PersistentChatName, "*", "Export-CsPersistentChatData writes only on the Front End's disk through a remote session: give --share")
        : new PlannedExport(PersistentChatName, "*", ExportTask.PersistentChat(files, database), $"Export-CsPersistentChatData -DBInstance {database} -FileName{(files == folder ? "" : " on the share")}");
}
