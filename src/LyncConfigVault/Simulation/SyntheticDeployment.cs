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

    /// <summary>When the export of this night ran (the server's clock, written into the ZIP entries).</summary>
    public DateTimeOffset ExportTime { get; set; }

    public IEnumerable<SyntheticCmsItem> Of(string elementName) => Items.Where(i => i.ElementName == elementName);

    public SyntheticCmsItem? Find(string elementName, string scopeClass, string? name) =>
        Items.FirstOrDefault(i => i.ElementName == elementName && i.ScopeClass == scopeClass && i.ScopeName == name);

    public XElement TopologyWrapper(string name) => Topology.Element(XName.Get(name, TopologyNs))!;

    public int ObjectCount =>
        VoiceTestCases.Count + Items.Sum(i => 1 + (i.ElementName switch
        {
            "PstnRoutingSettings" => i.Setting.Elements().Count(e => e.Name.LocalName == "Route"),
            "NetworkConfigurationSettings" => i.Setting.Elements().Count(e => e.Name.LocalName != "MediaBypassSettings"),
            _ => 0,
        }))
        + 1 + Topology.Elements().Where(e => e.Name.LocalName is "Sites" or "Clusters" or "SqlInstances" or "Services").Sum(w => w.Elements().Count());
}
