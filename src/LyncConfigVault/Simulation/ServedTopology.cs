using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace LyncConfigVault.Simulation;

/// <summary>
/// What the simulated server answers Get-CsTopology, Get-CsService and Get-CsSite with: the published topology
/// as its CMS archive holds it, read here with plain XML, never with lcv's normalizer or rebuilder, so a bug
/// of theirs cannot answer for itself in a test. Services are named as the cmdlets name them (Role:poolFqdn).
/// </summary>
internal sealed class ServedTopology
{
    private const string Ns = SyntheticDeployment.TopologyNs;

    // Get-CsService names some roles otherwise than the topology XML does.
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

    private ServedTopology(XElement topology) => Topology = topology;

    /// <summary>The Topology element, as (Get-CsTopology -AsXml) returns it.</summary>
    public XElement Topology { get; }

    /// <summary>The topology inside an Export-CsConfiguration archive's DocItemSet.xml.</summary>
    public static ServedTopology FromArchive(byte[] cmsArchive)
    {
        using var zip = new ZipArchive(new MemoryStream(cmsArchive), ZipArchiveMode.Read);
        var entry = zip.Entries.FirstOrDefault(e => e.FullName.Equals("DocItemSet.xml", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("the generated export holds no DocItemSet.xml");
        using var stream = entry.Open();
        var topology = XDocument.Load(stream).Descendants(XName.Get("Topology", Ns)).FirstOrDefault()
            ?? throw new InvalidOperationException("the generated export holds no topology");
        return new ServedTopology(new XElement(topology));
    }

    /// <summary>SiteId and name of every site: "1\tDublin".</summary>
    public IEnumerable<string> SiteLines() =>
        Wrapper("Sites").Where(s => s.Attribute("SiteId") is not null)
            .Select(s => $"{s.Attribute("SiteId")!.Value}\t{s.Element(XName.Get("Name", Ns))?.Value}");

    /// <summary>Every service as Get-CsService lists it, by Identity: "Registrar:pool01.contoso.com\tRegistrar\tpool01.contoso.com\t1".</summary>
    public IEnumerable<string> ServiceLines()
    {
        var clusters = Wrapper("Clusters")
            .Where(c => c.Element(XName.Get("ClusterId", Ns)) is not null && c.Attribute("Fqdn") is not null)
            .GroupBy(c => ClusterKey(c.Element(XName.Get("ClusterId", Ns))!))
            .ToDictionary(g => g.Key, g => g.First().Attribute("Fqdn")!.Value);
        var services = new List<(string Identity, string Site)>();
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in Wrapper("Services"))
        {
            if (service.Element(XName.Get("ServiceId", Ns)) is not { } id)
            {
                continue;
            }

            var role = CmdletRoles.GetValueOrDefault(id.Attribute("RoleName")?.Value ?? "Service", id.Attribute("RoleName")?.Value ?? "Service");
            var cluster = service.Element(XName.Get("InstalledOn", Ns))?.Descendants(XName.Get("ClusterId", Ns)).FirstOrDefault();
            var identity = cluster is not null && clusters.TryGetValue(ClusterKey(cluster), out var fqdn)
                ? $"{role}:{fqdn}"
                : $"{id.Attribute("SiteId")?.Value}-{role}-{id.Attribute("Instance")?.Value}";
            // Two instances of one role on one SQL cluster keep apart by their instance number.
            identity = named.Add(identity) ? identity : $"{identity}#{id.Attribute("Instance")?.Value}";
            named.Add(identity);
            services.Add((identity, id.Attribute("SiteId")?.Value ?? ""));
        }

        foreach (var (identity, site) in services.OrderBy(s => s.Identity, StringComparer.Ordinal))
        {
            var colon = identity.IndexOf(':');
            yield return string.Create(CultureInfo.InvariantCulture, $"{identity}\t{identity[..Math.Max(colon, 0)]}\t{identity[(colon + 1)..]}\t{site}");
        }
    }

    /// <summary>The deployment's DNS domain, from its first pool: pool01.contoso.com → contoso.com.</summary>
    public string? Domain() =>
        Wrapper("Clusters").Select(c => c.Attribute("Fqdn")?.Value).FirstOrDefault(f => f is not null && f.Contains('.')) is { } fqdn ? fqdn[(fqdn.IndexOf('.') + 1)..] : null;

    private IEnumerable<XElement> Wrapper(string name) => Topology.Element(XName.Get(name, Ns))?.Elements() ?? [];

    private static string ClusterKey(XElement clusterId) => $"{clusterId.Attribute("SiteId")?.Value}/{clusterId.Attribute("Number")?.Value}";
}
