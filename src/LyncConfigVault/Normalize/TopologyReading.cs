using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Adds to topology objects what an administrator reads them by: a pool's site and roles, a service's
/// pool and the Role:fqdn of each service it depends on. The numeric ids stay (and are volatile);
/// these derived values are left out when the topology is rebuilt (catalog: Derived).
/// </summary>
internal static class TopologyReading
{
    public static void Annotate(CatalogEntry entry, YMap content, TopologyIndex topology)
    {
        switch (entry.Role)
        {
            case ObjectRole.Pool when content["Cluster"] is YMap cluster:
                var id = cluster["ClusterId"] as YMap;
                cluster.Set("Site", new YScalar(topology.SiteName(id?.Text("SiteId") ?? "") ?? $"site{id?.Text("SiteId")}"));
                cluster.Set("Services", new YSeq(topology.RolesOn(cluster.Text("Fqdn") ?? "").Select(r => (YNode)new YScalar(r))));
                break;
            case ObjectRole.Service when content["Service"] is YMap service:
                if ((service["InstalledOn"] as YMap)?["ClusterId"] is YMap clusterId
                    && topology.ClusterFqdn(clusterId.Text("SiteId"), clusterId.Text("Number")) is { } pool)
                {
                    ((YMap)service["InstalledOn"]!).Set("Pool", new YScalar(pool));
                }

                foreach (var dependency in ((service["DependsOn"] as YMap)?["Dependency"] as YSeq)?.Items.OfType<YMap>() ?? [])
                {
                    if (dependency["ServiceId"] is YMap serviceId)
                    {
                        var uses = topology.ServiceIdentity(serviceId.Text("SiteId"), serviceId.Text("RoleName"), serviceId.Text("Instance"))
                            ?? TopologyIndex.ServiceId(serviceId.Text("SiteId"), serviceId.Text("RoleName") ?? "Service", serviceId.Text("Instance"));
                        dependency.Set("Uses", new YScalar(uses));
                    }
                }

                break;
        }
    }

    /// <summary>A copy without the derived values, for rebuilding the XML they were not part of.</summary>
    public static YMap WithoutDerived(YMap content, IReadOnlyList<string> derived)
    {
        if (derived.Count == 0)
        {
            return content;
        }

        var copy = (YMap)content.DeepCopy();
        foreach (var path in derived)
        {
            Remove(copy, path.Split('.'));
        }

        return copy;
    }

    private static void Remove(YNode node, ReadOnlySpan<string> keys)
    {
        switch (node)
        {
            case YSeq seq:
                foreach (var item in seq.Items)
                {
                    Remove(item, keys);
                }

                break;
            case YMap map when keys.Length == 1:
                map.Remove(keys[0]);
                break;
            case YMap map when map[keys[0]] is { } child:
                Remove(child, keys[1..]);
                break;
        }
    }
}
