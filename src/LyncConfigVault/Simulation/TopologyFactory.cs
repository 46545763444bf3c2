using System.Xml.Linq;
using static LyncConfigVault.Simulation.DeploymentFactory;

namespace LyncConfigVault.Simulation;

/// <summary>The published topology of the fictitious deployment, shaped like the real SfB 2019 sample (FORMATS.md §3).</summary>
internal static class TopologyFactory
{
    private const string Ns = SyntheticDeployment.TopologyNs;
    private const string RolesNs = SyntheticDeployment.ServiceRolesNs;

    public static XElement Create(IReadOnlyList<SyntheticSite> sites, string domain)
    {
        var topology = El(Ns, "Topology",
            El(Ns, "InternalDomains", At("AllowAllDomains", false), At("DefaultDomain", domain),
                El(Ns, "InternalDomain", At("Name", domain), At("Authoritative", false), At("AllowSubDomains", false))),
            El(Ns, "Sites", sites.Select(s => El(Ns, s.IsBranch ? "BranchSite" : "CentralSite", At("SiteId", s.SiteId),
                El(Ns, "Name", s.Name), El(Ns, "Location", s.City)))),
            El(Ns, "Clusters"), El(Ns, "SqlInstances"), El(Ns, "Services"));
        foreach (var site in sites)
        {
            AddSite(topology, site, domain);
        }

        return topology;
    }

    private static void AddSite(XElement topology, SyntheticSite site, string domain)
    {
        var clusters = topology.Element(XName.Get("Clusters", Ns))!;
        var services = topology.Element(XName.Get("Services", Ns))!;
        var machines = site.IsBranch ? 1 : 3;
        clusters.Add(Cluster(site.SiteId, 1, site.Pool(domain), Enumerable.Range(1, machines).Select(m => site.IsBranch ? site.Pool(domain) : $"{site.Code}fe{m:00}.{domain}")));
        if (!site.IsBranch)
        {
            clusters.Add(Cluster(site.SiteId, 2, $"{site.Code}sql01.{domain}", [$"{site.Code}sql01.{domain}"]));
            topology.Element(XName.Get("SqlInstances", Ns))!.Add(El(Ns, "SqlInstance",
                El(Ns, "SqlInstanceId", At("Name", "rtc"), El(Ns, "ClusterId", At("SiteId", site.SiteId), At("Number", 2)))));
            services.Add(Service(site.SiteId, "UserStore", 1, [], SqlInstalledOn(site.SiteId), null));
        }

        var gateways = site.IsBranch ? 1 : 2;
        for (var number = 1; number <= gateways; number++)
        {
            AddGateway(topology, site, number, domain);
        }

        var registrarDependencies = site.IsBranch
            ? new List<XElement> { Dependency("Default", 1, "UserStore", 1) }
            : [Dependency("Default", site.SiteId, "UserStore", 1)];
        services.Add(Service(site.SiteId, "Registrar", 1, registrarDependencies, ClusterInstalledOn(site.SiteId, 1),
            El(RolesNs, "RegistrarService", At("IsDirector", false)), Port("urn:component:Registrar", "SipServer", 5061, "Mtls")));
        services.Add(Service(site.SiteId, "MediationServer", 1,
            [Dependency("Default", site.SiteId, "Registrar", 1), .. Enumerable.Range(1, gateways).Select(g => Dependency("PstnGateway", site.SiteId, "PstnGateway", g))],
            ClusterInstalledOn(site.SiteId, 1), El(RolesNs, "MediationService"), Port("urn:component:MediationServer", "SipServer", 5070, "Tls")));
        if (!site.IsBranch)
        {
            services.Add(Service(site.SiteId, "UserServices", 1, [Dependency("Default", site.SiteId, "UserStore", 1)], ClusterInstalledOn(site.SiteId, 1), null));
            services.Add(Service(site.SiteId, "WebServices", 1, [Dependency("Default", site.SiteId, "Registrar", 1)], ClusterInstalledOn(site.SiteId, 1),
                El(RolesNs, "WebService", El(RolesNs, "ExternalSettings", At("Host", $"web-{site.Code}.{domain}"))), Port("urn:component:WebServices", "ExternalHttps", 4443, "Https")));
            services.Add(Service(site.SiteId, "ConfServices", 1, [Dependency("Default", site.SiteId, "Registrar", 1)], ClusterInstalledOn(site.SiteId, 1), null));
            services.Add(Service(site.SiteId, "ApplicationServer", 1, [Dependency("Default", site.SiteId, "Registrar", 1)], ClusterInstalledOn(site.SiteId, 1), null));
        }

        if (site.SiteId == 1)
        {
            services.Add(Service(1, "CentralMgmtStore", 1, [], SqlInstalledOn(1), null));
            services.Add(Service(1, "CentralMgmt", 1, [Dependency("Default", 1, "CentralMgmtStore", 1)], ClusterInstalledOn(1, 1),
                El(RolesNs, "CentralMgmtService", At("IsActive", true))));
        }
    }

    /// <summary>A PSTN gateway: a cluster of its own and a PstnGateway service (FORMATS.md §3.2).</summary>
    public static void AddGateway(XElement topology, SyntheticSite site, int number, string domain)
    {
        var fqdn = site.Gateway(number, domain);
        topology.Element(XName.Get("Clusters", Ns))!.Add(Cluster(site.SiteId, 10 + number, fqdn, [fqdn]));
        topology.Element(XName.Get("Services", Ns))!.Add(Service(site.SiteId, "PstnGateway", number, [], ClusterInstalledOn(site.SiteId, 10 + number),
            El(RolesNs, "PstnGatewayService"), Port("urn:component:PstnGateway", "SipServer", 5067, "Tls")));
    }

    /// <summary>
    /// The first site's Edge pool: one Edge Server with its internal interface and three external ones (Access,
    /// Web Conferencing, A/V), the Access Edge one at <paramref name="accessAddress"/>. Added to the published
    /// topology after the export noise, so it draws nothing from the seed and every seed keeps its story.
    /// </summary>
    public static void AddEdge(XElement topology, SyntheticSite site, string domain, string accessAddress)
    {
        var fqdn = Edge(site, domain);
        var machine = El(Ns, "Machine", At("OrdinalInCluster", 1), At("Fqdn", fqdn), At("FaultDomain", fqdn), At("UpgradeDomain", fqdn),
            El(Ns, "NetInterface", At("InterfaceSide", "Internal"), At("InterfaceNumber", 1), At("IPAddress", "10.0.1.50")),
            Enumerable.Range(1, 3).Select(n => El(Ns, "NetInterface", At("InterfaceSide", "External"), At("InterfaceNumber", n), At("IPAddress", n == 1 ? accessAddress : $"192.0.2.{n}0"))));
        topology.Element(XName.Get("Clusters", Ns))!.Add(El(Ns, "Cluster", At("RequiresReplication", true), At("RequiresSetup", true), At("Fqdn", fqdn),
            El(Ns, "ClusterId", At("SiteId", site.SiteId), At("Number", EdgeCluster)), machine));
        topology.Element(XName.Get("Services", Ns))!.Add(Service(site.SiteId, "EdgeServer", 1, [Dependency("Default", site.SiteId, "Registrar", 1)], ClusterInstalledOn(site.SiteId, EdgeCluster),
            El(RolesNs, "EdgeService"), Port("urn:component:AccessEdge", "SipServer", 5061, "Mtls")));
    }

    private const int EdgeCluster = 3;

    public static string Edge(SyntheticSite site, string domain) => $"{site.Code}edge01.{domain}";

    public static XElement Machine(int ordinal, string fqdn) => El(Ns, "Machine", At("OrdinalInCluster", ordinal), At("Fqdn", fqdn),
        At("FaultDomain", fqdn), At("UpgradeDomain", fqdn), El(Ns, "NetInterface", At("InterfaceSide", "Primary"), At("InterfaceNumber", 1), At("IPAddress", "0.0.0.0")));

    private static XElement Cluster(int siteId, int number, string fqdn, IEnumerable<string> machines) =>
        El(Ns, "Cluster", At("RequiresReplication", true), At("RequiresSetup", true), At("Fqdn", fqdn),
            El(Ns, "ClusterId", At("SiteId", siteId), At("Number", number)),
            machines.Select((m, i) => Machine(i + 1, m)));

    private static XElement Service(int siteId, string role, int instance, IEnumerable<XElement> dependencies, XElement installedOn, XElement? roleElement, XElement? port = null) =>
        El(Ns, "Service", At("RoleVersion", 1), At("ServiceVersion", 8),
            El(Ns, "ServiceId", At("SiteId", siteId), At("RoleName", role), At("Instance", instance)),
            El(Ns, "DependsOn", dependencies),
            installedOn,
            El(RolesNs, "Ports", port),
            roleElement);

    private static XElement Dependency(string usage, int siteId, string role, int instance) =>
        El(Ns, "Dependency", At("Usage", usage), El(Ns, "ServiceId", At("SiteId", siteId), At("RoleName", role), At("Instance", instance)));

    private static XElement ClusterInstalledOn(int siteId, int number) =>
        El(Ns, "InstalledOn", El(Ns, "ClusterId", At("SiteId", siteId), At("Number", number)));

    private static XElement SqlInstalledOn(int siteId) =>
        El(Ns, "InstalledOn", El(Ns, "SqlInstanceId", At("Name", "rtc"), El(Ns, "ClusterId", At("SiteId", siteId), At("Number", 2))));

    private static XElement Port(string owner, string usage, int port, string protocol) =>
        El(RolesNs, "Port", At("Owner", owner), At("Usage", usage), At("InterfaceSide", "Primary"), At("InterfaceNumber", 1),
            At("Port", port), At("Protocol", protocol), At("UrlPath", "/"), At("AuthorizesRequests", true));
}
