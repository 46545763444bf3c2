using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize.Layout;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Takes the objects admins see one by one (voice routes, network subnets, topology pools and
/// services) out of the document that holds them, recording where each sat so the document can be
/// rebuilt exactly. What is not split out stays in the container's own file.
/// </summary>
internal sealed class DocumentSplitter(LyncCatalog catalog, ObjectFactory factory)
{
    public const string ContainerKey = "Container";
    public const string WrapperKey = "Wrapper";
    public const string PositionKey = "Position";

    /// <param name="element">The container's element; split children are removed from it.</param>
    public List<LyncObject> Split(CatalogEntry container, LyncIdentity containerIdentity, XElement element, TopologyIndex topology, string file)
    {
        if (container.Splits.Count == 0)
        {
            return [];
        }

        var objects = new List<LyncObject>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var taken = new List<XElement>();
        foreach (var rule in container.Splits)
        {
            var childEntry = catalog.Noun(rule.Noun);
            var lists = ListLayout.Applies(childEntry) ? ListLayout.For(childEntry) : null;
            var parents = rule.Wrapper is null ? [element] : element.Elements().Where(e => e.Name.LocalName == rule.Wrapper).ToList();
            foreach (var parent in parents)
            {
                // Positions count every sibling as exported, before any rule takes children out.
                var siblings = parent.Elements().ToList();
                var priority = 0;
                for (var position = 0; position < siblings.Count; position++)
                {
                    var child = siblings[position];
                    if (rule.Child != "*" && child.Name.LocalName != rule.Child)
                    {
                        continue;
                    }

                    var entry = catalog.Noun(rule.Noun);
                    var identity = IdentityOf(entry, child, topology, file);
                    if (!seen.TryAdd($"{entry.Noun} {identity}", entry.Noun))
                    {
                        throw LcvException.BadExport(file, $"holds two {entry.Noun} objects with the Identity '{identity}': the export is damaged. Run the export again.");
                    }

                    var export = new YMap().Add(ContainerKey, $"{container.Noun} {containerIdentity}");
                    if (rule.Wrapper is not null)
                    {
                        export.Add(WrapperKey, rule.Wrapper);
                    }

                    export.Add(PositionKey, position.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    lists?.Read(child, export);
                    var obj = factory.Create(entry, identity, null, rule.Ordered ? priority : null, child, parent.Name.NamespaceName, export);
                    TopologyReading.Annotate(entry, obj.Content, topology);
                    objects.Add(obj);
                    taken.Add(child);
                    priority++;
                }
            }
        }

        // Rebuilt in one pass: XElement.Remove is linear in the number of siblings, and a
        // network configuration can hold tens of thousands of subnets.
        var takenSet = taken.ToHashSet();
        foreach (var parent in taken.Select(c => c.Parent!).Distinct().ToList())
        {
            var kept = parent.Nodes().Where(n => n is not XElement e || !takenSet.Contains(e)).ToList();
            if (!kept.OfType<XElement>().Any())
            {
                kept.RemoveAll(n => n is XText t && string.IsNullOrWhiteSpace(t.Value));   // the indentation around the split children
            }

            parent.ReplaceNodes(kept);
        }

        return objects;
    }

    private static LyncIdentity IdentityOf(CatalogEntry entry, XElement child, TopologyIndex topology, string file)
    {
        switch (entry.Identity)
        {
            case IdentityRule.SiteName:
                var name = Child(child, entry.IdentitySource!)?.Value ?? topology.SiteName(child.Attribute("SiteId")?.Value ?? "");
                return LyncIdentity.Site(name ?? $"site{child.Attribute("SiteId")?.Value}");
            case IdentityRule.TopologyService:
                var serviceId = Child(child, "ServiceId") ?? throw LcvException.BadExport(file, "holds a topology Service without a ServiceId.");
                return LyncIdentity.Named(topology.ServiceIdentity(serviceId));
            case IdentityRule.SqlInstance:
                var instance = child.Descendants().FirstOrDefault(e => e.Name.LocalName == "SqlInstanceId");
                var cluster = instance?.Elements().FirstOrDefault(e => e.Name.LocalName == "ClusterId");
                var fqdn = cluster is null ? null : topology.ClusterFqdn(cluster);
                return LyncIdentity.Named($"{fqdn ?? "unknown"}\\{instance?.Attribute("Name")?.Value}");
            default:
                var value = child.Attribute(entry.IdentitySource!)?.Value;
                return string.IsNullOrEmpty(value)
                    ? throw LcvException.BadExport(file, $"holds a {entry.Noun} without its {entry.IdentitySource}: the export is damaged.")
                    : LyncIdentity.Named(value);
        }
    }

    private static XElement? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
