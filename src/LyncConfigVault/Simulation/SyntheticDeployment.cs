using System.Xml.Linq;

namespace LyncConfigVault.Simulation;

/// <summary>
/// A fictitious Lync deployment (Fabrikam: sites, Enterprise pools, a Survivable Branch Appliance,
/// gateways, voice configuration, policies) as CMS items plus the published topology.
/// </summary>
internal sealed class SyntheticDeployment
{
    public const string VoiceNs = "urn:schema:Microsoft.Rtc.Management.Policy.Voice.2008";
    public const string TopologyNs = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
    public const string ServiceRolesNs = "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";

    public required string Domain { get; init; }

    public List<SyntheticCmsItem> Items { get; } = [];

    /// <summary>
    /// The admin's voice test cases. Kept apart from <see cref="Items"/>: the export noise draws from the
    /// seed's sequence item by item, and the week's story must not change because the test cases exist.
    /// </summary>
    public List<SyntheticCmsItem> VoiceTestCases { get; } = [];

    public required XElement Topology { get; set; }

    public Guid TopologySignature { get; set; }

    /// <summary>The public address of the Edge Server's Access Edge interface (External 1), which the admin changes once a week.</summary>
    public string EdgeAccessAddress { get; set; } = "192.0.2.10";

    /// <summary>When the export of this night ran (the server's clock, written into the ZIP entries).</summary>
    public DateTimeOffset ExportTime { get; set; }

    public IEnumerable<SyntheticCmsItem> Of(string elementName) => Items.Where(i => i.ElementName == elementName);

    public SyntheticCmsItem? Find(string elementName, string scopeClass, string? name) =>
        Items.FirstOrDefault(i => i.ElementName == elementName && i.ScopeClass == scopeClass && i.ScopeName == name);

    /// <summary>The topology as Get-CsTopology -AsXml returns it: with the Edge pool, which the CMS export writer adds after its noise.</summary>
    public XElement PublishedTopology()
    {
        var published = new XElement(Topology);
        TopologyFactory.AddEdge(published, SyntheticSite.All[0], Domain, EdgeAccessAddress);
        return published;
    }

    public XElement TopologyWrapper(string name) => Topology.Element(XName.Get(name, TopologyNs))!;

    public int ObjectCount =>
        VoiceTestCases.Count + Items.Sum(i => 1 + (i.ElementName switch
        {
            "PstnRoutingSettings" => i.Setting.Elements().Count(e => e.Name.LocalName == "Route"),
            "NetworkConfigurationSettings" => i.Setting.Elements().Count(e => e.Name.LocalName != "MediaBypassSettings"),
            _ => 0,
        }))
        + 1 + 2 /* the Edge pool and its service */ + Topology.Elements().Where(e => e.Name.LocalName is "Sites" or "Clusters" or "SqlInstances" or "Services").Sum(w => w.Elements().Count());
}
