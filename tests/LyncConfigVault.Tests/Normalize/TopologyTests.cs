using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Restore;

namespace LyncConfigVault.Tests.Normalize;

public sealed class TopologyTests
{
    private static readonly XElement RealTopology = TestData.Xml("samples/topology-sfb2019-standard-edition.xml").Root!;

    private static List<LyncObject> Objects() =>
        new TopologyNormalizer(LyncCatalog.Default, TestData.Filter).Normalize(new XElement(RealTopology), "topology.xml");

    [Fact]
    public void In_the_real_topology_a_changed_port_or_edge_address_is_one_value_of_one_keyed_entry()
    {
        var before = Objects().ToDictionary(o => o.Path);
        var edited = new XElement(RealTopology);
        var port = edited.Descendants().First(e => e.Name.LocalName == "Port" && e.Attribute("Owner")?.Value == "urn:component:OCSWebSite" && e.Attribute("Protocol")?.Value == "Https" && e.Attribute("InterfaceSide")?.Value == "External");
        port.SetAttributeValue("Port", "4444");
        var external = edited.Descendants().First(e => e.Name.LocalName == "NetInterface" && e.Attribute("InterfaceSide")?.Value == "External");
        external.SetAttributeValue("IPAddress", "192.0.2.20");
        var after = new TopologyNormalizer(LyncCatalog.Default, TestData.Filter).Normalize(edited, "topology.xml").ToDictionary(o => o.Path);
        var differ = new LyncConfigVault.Diff.PropertyDiffer(LyncCatalog.Default, TestData.Filter);

        var changes = after.Where(a => before.ContainsKey(a.Key))
            .SelectMany(a => differ.Compare(a.Value.Noun, before[a.Key].Content, a.Value.Content, new HashSet<string> { "Identity", "Noun" }))
            .Select(c => $"{c.Path}: {c.Old} → {c.New}")
            .ToList();

        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.EndsWith("NetInterface[InterfaceSide=External,InterfaceNumber=1].IPAddress: 0.0.0.0 → 192.0.2.20", StringComparison.Ordinal));
        Assert.Contains("Ports.Port[Owner=urn:component:OCSWebSite,Usage=WebSite,InterfaceSide=External,InterfaceNumber=1,Protocol=Https].Port: 4443 → 4444", changes);
    }

    [Fact]
    public void The_real_sfb2019_topology_reads_as_site_pool_and_services()
    {
        var names = Objects().Select(o => o.DisplayName).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("Site Site:CONTOSO", names);
        Assert.Contains("Pool sfb01.contoso.local", names);
        Assert.Contains("Service Registrar:sfb01.contoso.local", names);
        Assert.Contains("Service UserServer:sfb01.contoso.local", names);
        Assert.Contains("Service WebServer:sfb01.contoso.local", names);
        Assert.Contains("Service UserDatabase:sfb01.contoso.local", names);
        Assert.Contains("Topology Global", names);
        Assert.Equal(10, names.Count(n => n.StartsWith("Service ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_pool_reads_with_its_site_and_roles_and_a_service_with_the_services_it_uses_by_name()
    {
        var objects = Objects();

        var pool = (YMap)objects.Single(o => o.Noun == "Pool").Content["Cluster"]!;
        Assert.Equal("CONTOSO", pool.Text("Site"));
        Assert.Contains("Registrar", ((YSeq)pool["Services"]!).Items.Select(i => ((YScalar)i).Text));
        var registrar = (YMap)objects.Single(o => o.DisplayName == "Service Registrar:sfb01.contoso.local").Content["Service"]!;
        var uses = ((YSeq)((YMap)registrar["DependsOn"]!)["Dependency"]!).Items.Cast<YMap>().Select(d => d.Text("Uses")).ToList();
        Assert.Contains("UserServer:sfb01.contoso.local", uses);
        Assert.Equal("sfb01.contoso.local", ((YMap)registrar["InstalledOn"]!).Text("Pool"));
    }

    [Fact]
    public void A_mediation_server_moved_to_another_gateway_reads_as_the_gateway_it_now_uses()
    {
        var before = LyncConfigVault.Tests.Diff.DiffTestData.Night(1);
        const string path = "topology/services/MediationServer/amspool01.fabrikam.com.yaml";
        var after = LyncConfigVault.Tests.Diff.DiffTestData.Edit(before, path, content =>
        {
            var dependency = ((YSeq)((YMap)((YMap)content["Service"]!)["DependsOn"]!)["Dependency"]!).Items.Cast<YMap>().Last();
            ((YMap)dependency["ServiceId"]!).Set("Instance", new YScalar("1"));
            dependency.Set("Uses", new YScalar("PstnGateway:amsgw01.fabrikam.com"));
        });

        var change = Assert.Single(LyncConfigVault.Tests.Diff.DiffTestData.Compare(before, after).Changes);

        Assert.Equal("Service MediationServer:amspool01.fabrikam.com", change.DisplayName);
        var text = string.Join("; ", change.Properties.Select(p => $"{p.Path} {p.Kind} {(p.Old is null ? "" : LyncConfigVault.Diff.CanonicalText.Of(p.Old))} {(p.New is null ? "" : LyncConfigVault.Diff.CanonicalText.Of(p.New))}"));
        Assert.Contains("Removed {ServiceId:", text);
        Assert.Contains("Uses:\"PstnGateway:amsgw02.fabrikam.com\"", text);
    }

    [Fact]
    public void The_pool_file_holds_its_machine_and_the_service_files_their_dependencies_and_ports()
    {
        var objects = Objects();
        var pool = YamlText.Write(objects.Single(o => o.Noun == "Pool").Content);
        var registrar = YamlText.Write(objects.Single(o => o.DisplayName == "Service Registrar:sfb01.contoso.local").Content);

        Assert.Contains("Fqdn: sfb01.contoso.local", pool);
        Assert.Contains("  Machine:\n  - ", pool);
        Assert.Contains("RoleName: UserServices", registrar);
        Assert.Contains("DependsOn:", registrar);
        Assert.Contains("Port:", registrar);
        Assert.Equal("topology/services/Registrar/sfb01.contoso.local.yaml", objects.Single(o => o.DisplayName == "Service Registrar:sfb01.contoso.local").Path);
    }

    [Fact]
    public void The_real_topology_rebuilds_from_its_yaml_to_the_same_canonical_xml()
    {
        var yaml = Objects().Select(o => YamlText.Read(YamlText.Write(o.Content), o.Path));

        var rebuilt = new ExportRebuilder(LyncCatalog.Default).Topology(yaml)!;

        Assert.Equal(CanonicalXml.Of(RealTopology), CanonicalXml.Of(rebuilt));
    }

    [Fact]
    public void The_documented_topology_example_names_services_by_cmdlet_role()
    {
        var objects = new TopologyNormalizer(LyncCatalog.Default, TestData.Filter).Normalize(TestData.Xml("formats-topology-example.xml").Root!, "t.xml");

        Assert.Contains(objects, o => o.DisplayName == "Service Registrar:lonpool01.contoso.co.uk");
        Assert.Contains(objects, o => o.DisplayName == "Service UserDatabase:lonsql01.contoso.co.uk");
        Assert.Contains(objects, o => o.DisplayName == "SqlInstance lonsql01.contoso.co.uk\\rtc");
        Assert.Contains(objects, o => o.DisplayName == "Site Site:London" && o.Path == "topology/sites/London.yaml");
    }
}
