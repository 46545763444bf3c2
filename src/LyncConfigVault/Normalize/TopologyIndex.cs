using System.Xml.Linq;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Resolves the numbers Topology Builder assigns (SiteId, ClusterId, ServiceId) to the names admins
/// use: Site:Dublin, pool01.contoso.com, Registrar:pool01.contoso.com (FORMATS.md §3.3).
/// </summary>
internal sealed class TopologyIndex
{
    // XML role names differ from the cmdlet identities (FORMATS.md §3.3, INFERRED).
    private static readonly Dictionary<string, string> CmdletRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UserServices"] = "UserServer",
        ["WebServices"] = "WebServer",
        ["ConfServices"] = "ConferencingServer",
        ["UserStore"] = "UserDatabase",
        ["MonitoringStore"] = "MonitoringDatabase",
        ["ArchivingStore"] = "ArchivingDatabase",
        ["ApplicationStore"] = "ApplicationDatabase",
        ["CentralMgmt"] = "CentralManagement",
        ["CentralMgmtStore"] = "CentralManagementDatabase",
    };

    private readonly Dictionary<string, string> _sites = [];
    private readonly Dictionary<string, string> _clusters = [];
    private readonly Dictionary<string, string> _services = [];

    public static TopologyIndex Empty { get; } = new();

    public static TopologyIndex From(XElement? topology)
    {
        var index = new TopologyIndex();
        if (topology is null)
        {
            return index;
        }

        foreach (var site in Children(topology, "Sites").Where(e => e.Attribute("SiteId") is not null))
        {
            index._sites.TryAdd(site.Attribute("SiteId")!.Value, Child(site, "Name")?.Value ?? $"site{site.Attribute("SiteId")!.Value}");
        }

        foreach (var cluster in Children(topology, "Clusters"))
        {
            if (Child(cluster, "ClusterId") is { } id && cluster.Attribute("Fqdn") is { } fqdn)
            {
                index._clusters.TryAdd(ClusterKey(id), fqdn.Value);
            }
        }

        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in Children(topology, "Services"))
        {
            if (Child(service, "ServiceId") is not { } serviceId)
            {
                continue;
            }

            var identity = index.DescribeService(serviceId, Child(service, "InstalledOn"));
            if (!used.Add(identity))
            {
                identity = $"{identity}#{serviceId.Attribute("Instance")?.Value}";   // two instances of a role on one SQL cluster
                used.Add(identity);
            }

            index._services.TryAdd(ServiceKey(serviceId), identity);
        }

        return index;
    }

    public string? SiteName(string siteId) => _sites.GetValueOrDefault(siteId);

    public string? ClusterFqdn(XElement clusterId) => _clusters.GetValueOrDefault(ClusterKey(clusterId));

    /// <summary>Role:fqdn for a ServiceId element, or a readable fallback when the topology does not know it.</summary>
    public string ServiceIdentity(XElement serviceId) =>
        _services.GetValueOrDefault(ServiceKey(serviceId))
        ?? ServiceId(serviceId.Attribute("SiteId")?.Value, serviceId.Attribute("RoleName")?.Value ?? "Service", serviceId.Attribute("Instance")?.Value);

    /// <summary>
    /// A service the topology does not name, as Lync itself writes a service id (Get-CsService's ServiceId):
    /// 3-PstnGateway-7, the site's number, the role as the cmdlets name it, the instance.
    /// </summary>
    public static string ServiceId(string? siteId, string xmlRole, string? instance) => $"{siteId}-{CmdletRole(xmlRole)}-{instance}";

    /// <summary>Role:fqdn from a ServiceId's parts, as YAML holds them.</summary>
    public string? ServiceIdentity(string? siteId, string? role, string? instance) =>
        _services.GetValueOrDefault($"{siteId}/{role}/{instance}");

    /// <summary>A pool's FQDN from a ClusterId's parts.</summary>
    public string? ClusterFqdn(string? siteId, string? number) => _clusters.GetValueOrDefault($"{siteId}/{number}");

    /// <summary>The roles installed on a pool, as Get-CsService names them: Registrar, UserServer, WebServer …</summary>
    public List<string> RolesOn(string fqdn) =>
        _services.Values.Where(s => s.EndsWith(":" + fqdn, StringComparison.OrdinalIgnoreCase)).Select(s => s[..s.IndexOf(':')]).Distinct().Order(StringComparer.Ordinal).ToList();

    public static string CmdletRole(string xmlRole) => CmdletRoles.GetValueOrDefault(xmlRole, xmlRole);

    private string DescribeService(XElement serviceId, XElement? installedOn)
    {
        var xmlRole = serviceId.Attribute("RoleName")?.Value ?? "Service";
        var cluster = installedOn?.Descendants().FirstOrDefault(e => e.Name.LocalName == "ClusterId");
        var fqdn = cluster is null ? null : ClusterFqdn(cluster);
        return fqdn is null
            ? ServiceId(serviceId.Attribute("SiteId")?.Value, xmlRole, serviceId.Attribute("Instance")?.Value)
            : $"{CmdletRole(xmlRole)}:{fqdn}";
    }

    private static IEnumerable<XElement> Children(XElement topology, string wrapper) =>
        topology.Elements().Where(e => e.Name.LocalName == wrapper).SelectMany(w => w.Elements());

    private static XElement? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string ClusterKey(XElement clusterId) =>
        $"{clusterId.Attribute("SiteId")?.Value}/{clusterId.Attribute("Number")?.Value}";

    private static string ServiceKey(XElement serviceId) =>
        $"{serviceId.Attribute("SiteId")?.Value}/{serviceId.Attribute("RoleName")?.Value}/{serviceId.Attribute("Instance")?.Value}";
}
