using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Unpack;

namespace LyncConfigVault.Normalize;

/// <summary>
/// DocItemSet.xml → one object per Item (FORMATS.md §2): identity from the Item key, never from
/// DocItem/@Name; collections split into one object per child; the topology document into topology/.
/// </summary>
internal sealed class CmsNormalizer(LyncCatalog catalog, NoiseFilter filter)
{
    private readonly ObjectFactory _factory = new(filter);

    public List<LyncObject> Normalize(XDocument document, string file)
    {
        var root = document.Root!;
        CheckRoot(root.Name.LocalName, file);
        return NormalizeDocItems(root.Elements(), root.Name.NamespaceName, file);
    }

    /// <summary>
    /// Streams DocItemSet.xml one DocItem at a time: a 20,000-object export never lives in memory as
    /// one tree, and each DocItem's elements die young.
    /// </summary>
    public List<LyncObject> Normalize(byte[] docItemSet, string file, string entry) =>
        SafeXml.Read(docItemSet, file, entry, reader =>
        {
            reader.MoveToContent();
            CheckRoot(reader.LocalName, file);
            var rootNamespace = reader.NamespaceURI;
            return NormalizeDocItems(DocItems(reader), rootNamespace, file);
        });

    private static IEnumerable<XElement> DocItems(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            yield break;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                yield return (XElement)XNode.ReadFrom(reader);
            }
            else
            {
                reader.Read();
            }
        }
    }

    private static void CheckRoot(string localName, string file)
    {
        if (localName != "DocItemSet")
        {
            throw LcvException.BadExport(file, $"DocItemSet.xml starts with <{localName}>, not <DocItemSet>: this is not an Export-CsConfiguration archive.");
        }
    }

    // Site and Service identities may need the topology, which can come anywhere in the file:
    // those documents wait until it has been read (they are few); all others go straight through.
    private List<LyncObject> NormalizeDocItems(IEnumerable<XElement> docItems, string rootNamespace, string file)
    {
        var objects = new List<LyncObject>();
        var waiting = new List<CmsEnvelope>();
        TopologyIndex? topology = null;
        foreach (var element in docItems)
        {
            var envelope = element.Name.LocalName == "DocItem" ? CmsEnvelope.TryParse(element) : null;
            if (envelope is null)
            {
                objects.Add(Unparsed(element, rootNamespace));
                continue;
            }

            CheckCount(envelope, file);
            if (IsTopology(envelope))
            {
                topology = TopologyIndex.From(envelope.Items[0].Setting);
            }

            if (topology is null && envelope.ScopeClass.ToLowerInvariant() is "site" or "service")
            {
                waiting.Add(envelope);
                continue;
            }

            objects.AddRange(Items(envelope, topology ?? TopologyIndex.Empty, file));
        }

        foreach (var envelope in waiting)
        {
            objects.AddRange(Items(envelope, topology ?? TopologyIndex.Empty, file));
        }

        return Deduplicate(objects, file);
    }

    private IEnumerable<LyncObject> Items(CmsEnvelope envelope, TopologyIndex topology, string file)
    {
        var entry = catalog.ForDocument(envelope.ElementName) ?? LyncCatalog.Unknown(envelope.ElementName);
        var document = DocumentExport(envelope);   // the same for every item of the document: built once
        foreach (var item in envelope.Items)
        {
            var identity = IdentityOf(envelope.ScopeClass, item.Key, topology);
            var export = ItemExport(document, item);
            var key = ElementYamlMapper.ToYaml(item.Key, envelope.AnchoredXml.Name.NamespaceName, _ => false);
            var splits = new DocumentSplitter(catalog, _factory).Split(entry, identity, item.Setting, topology, file);
            yield return _factory.Create(entry, identity, key, null, item.Setting, item.Setting.Name.NamespaceName, export);
            foreach (var split in splits)
            {
                yield return split;
            }
        }
    }

    /// <summary>Everything of the envelope but the setting: kept so the export can be rebuilt, never a change.</summary>
    private static YMap DocumentExport(CmsEnvelope envelope)
    {
        var export = new YMap();
        AddIfAny(export, "DocItem", ObjectFactory.Attributes(envelope.DocItem));
        AddIfAny(export, "Data", ObjectFactory.Attributes(envelope.Data));
        if (envelope.DocItem.Name.NamespaceName.Length > 0)
        {
            export.Add("WrapperNamespace", envelope.DocItem.Name.NamespaceName);
        }

        var anchored = ObjectFactory.Attributes(envelope.AnchoredXml);
        if (envelope.AnchoredXml.Name.NamespaceName != CmsEnvelope.ScopeFrameworkNamespace)
        {
            anchored.Add("xmlns", envelope.AnchoredXml.Name.NamespaceName);
        }

        AddIfAny(export, "AnchoredXml", anchored);
        export.Add("Document", ElementYamlMapper.ToYaml(envelope.DocumentKey, envelope.AnchoredXml.Name.NamespaceName, _ => false));
        AddIfAny(export, "Dictionary", ObjectFactory.Attributes(envelope.Dictionary, "Count"));   // Count is derived: checked, then dropped
        return export;
    }

    private static YMap ItemExport(YMap document, CmsItem item)
    {
        var export = (YMap)document.DeepCopy();
        AddIfAny(export, "Item", ObjectFactory.Attributes(item.Item));
        AddIfAny(export, "Value", ObjectFactory.Attributes(item.Value));
        export.Add("Namespace", item.Setting.Name.NamespaceName);
        return export;
    }

    private static void AddIfAny(YMap export, string key, YMap map)
    {
        if (map.Count > 0)
        {
            export.Add(key, map);
        }
    }

    private static LyncIdentity IdentityOf(string scopeClass, XElement key, TopologyIndex topology)
    {
        var name = Value(key, "Name");
        switch (scopeClass.ToLowerInvariant())
        {
            case "global":
                // A Global document can hold named objects (voice test cases: Identity is the bare name).
                return name is null ? LyncIdentity.Global : LyncIdentity.Named(name);
            case "site":
                var siteId = Value(key, "SiteId");
                return LyncIdentity.Site(name ?? (siteId is null ? null : topology.SiteName(siteId)) ?? $"site{siteId}");
            case "tag":
                return LyncIdentity.Tag(name ?? Value(key, "TagId") ?? Fallback(key));
            case "service":
                var serviceId = key.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "ServiceId")
                    ?? (key.Attribute("RoleName") is not null ? key : null);
                return LyncIdentity.Service(serviceId is null ? name ?? Fallback(key) : topology.ServiceIdentity(serviceId));
            default:
                return new LyncIdentity(scopeClass, name ?? Fallback(key));
        }
    }

    // Site and Tag keys are seen with attributes and assumed possible as child elements (FORMATS.md §2.3).
    private static string? Value(XElement key, string name) =>
        key.Attribute(name)?.Value ?? key.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string Fallback(XElement key) =>
        "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString(SaveOptions.DisableFormatting))))[..12];

    private static bool IsTopology(CmsEnvelope envelope) =>
        envelope.ElementName.Equals("Topology", StringComparison.OrdinalIgnoreCase) && envelope.Items.Count == 1;

    private static void CheckCount(CmsEnvelope envelope, string file)
    {
        var declared = envelope.Dictionary.Attribute("Count")?.Value;
        if (declared is not null && declared != envelope.Items.Count.ToString(CultureInfo.InvariantCulture))
        {
            throw LcvException.BadExport(file, $"the {envelope.ElementName} {envelope.ScopeClass} document says Count={declared} but holds {envelope.Items.Count} items: the export is damaged. Run Export-CsConfiguration again.");
        }
    }

    /// <summary>A DocItem that is not the documented shape: stored whole, losslessly, under cms/other.</summary>
    private LyncObject Unparsed(XElement element, string parentNamespace)
    {
        var entry = LyncCatalog.Unknown(element.Name.LocalName);
        var label = element.Attribute("Name")?.Value ?? Fallback(element);
        var export = parentNamespace.Length == 0 ? new YMap() : new YMap().Add("Namespace", parentNamespace);
        return _factory.Create(entry, LyncIdentity.Named(label), null, null, element, parentNamespace, export);
    }

    private static List<LyncObject> Deduplicate(List<LyncObject> objects, string file)
    {
        var byPath = new Dictionary<string, LyncObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var obj in objects)
        {
            if (!byPath.TryAdd(obj.Path, obj))
            {
                throw LcvException.BadExport(file, $"holds {obj.DisplayName} twice (duplicate Item keys): the export is damaged. Run Export-CsConfiguration again.");
            }
        }

        return objects;
    }
}
