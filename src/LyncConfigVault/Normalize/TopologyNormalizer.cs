using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>The published topology on its own ((Get-CsTopology -AsXml).ToString()), split as inside the CMS.</summary>
internal sealed class TopologyNormalizer(LyncCatalog catalog, NoiseFilter filter)
{
    public List<LyncObject> Normalize(XElement topology, string file)
    {
        var factory = new ObjectFactory(filter);
        var entry = catalog.Playing(ObjectRole.Topology);
        var index = TopologyIndex.From(topology);
        var splits = new DocumentSplitter(catalog, factory).Split(entry, LyncIdentity.Global, topology, index, file);
        var export = new YMap().Add("Source", "Get-CsTopology").Add("Namespace", topology.Name.NamespaceName);
        return [factory.Create(entry, LyncIdentity.Global, null, null, topology, topology.Name.NamespaceName, export), .. splits];
    }
}
