using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize.Layout;

namespace LyncConfigVault.Normalize;

/// <summary>
/// DocItemSet.xml → one object per Item (FORMATS.md §2): identity from the Item key, never from
/// DocItem/@Name; collections split into one object per child; the topology document into topology/.
/// </summary>
internal sealed partial class CmsNormalizer(LyncCatalog catalog, NoiseFilter filter)
{
    private readonly ObjectFactory _factory = new(filter);

    /// <summary>Export key: the encoding DocItemSet.xml was written in, when it was not UTF-8.</summary>
    public const string EncodingKey = "Encoding";

    /// <summary>What the last Normalize call read and how the file spelled it: for lcv inspect.</summary>
    public CmsReading Reading { get; private set; } = new(DocItemSetEncoding.Utf8);

    public List<LyncObject> Normalize(XDocument document, string file)
    {
        var root = document.Root!;
        CheckRoot(root.Name.LocalName, file);
        Reading = new CmsReading(DocItemSetEncoding.Utf8);
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
            Reading = new CmsReading(DocItemSetEncoding.Name(docItemSet));
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
            string? problem = $"<{element.Name.LocalName}> is not a DocItem";
            var envelope = element.Name.LocalName == "DocItem" ? CmsEnvelope.TryParse(element, out problem) : null;
            if (envelope is null)
            {
                var unparsed = Unparsed(element, rootNamespace);
                Reading.Generic(unparsed.DisplayName, problem!);
                objects.Add(unparsed);
                continue;
            }

            Reading.Envelope(envelope);

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
        var known = catalog.ForDocument(envelope.ElementName);
        var entry = known ?? LyncCatalog.Unknown(envelope.ElementName);
        Reading.Document(envelope, known?.Noun);
        var document = DocumentExport(envelope, Reading.Encoding);   // the same for every item of the document: built once
        var lists = ListLayout.Applies(entry) ? ListLayout.For(entry) : null;
        foreach (var item in envelope.Items)
        {
            var export = ItemExport(document, item);
            if (ItemKeyForm.ToAttributes(item.Key) is { } keyElements)
            {
                export.Add(ItemKeyForm.ExportKey, keyElements);
                Reading.Layout("key fields as child elements");
            }

            if (envelope.ScopeClass.Equals("service", StringComparison.OrdinalIgnoreCase) && item.Key.Attribute("ServiceId") is not null)
            {
                Reading.Layout("Service keys as SiteId-Role-Instance");
            }

            var identity = IdentityOf(envelope.ScopeClass, item.Key, topology);
            var key = ElementYamlMapper.ToYaml(item.Key, envelope.AnchoredXml.Name.NamespaceName, _ => false);
            lists?.Read(item.Setting, export);
            Reading.Lists(export);
            var splits = new DocumentSplitter(catalog, _factory).Split(entry, identity, item.Setting, topology, file);
            Reading.Lists(splits.Select(s => s.Content[ObjectFactory.ExportKey] as YMap));
            yield return _factory.Create(entry, identity, key, null, item.Setting, item.Setting.Name.NamespaceName, export);
            foreach (var split in splits)
            {
                yield return split;
            }
        }
    }

    /// <summary>Everything of the envelope but the setting: kept so the export can be rebuilt, never a change.</summary>
    private static YMap DocumentExport(CmsEnvelope envelope, string encoding)
    {
        var export = new YMap();
        AddIfAny(export, "DocItem", ObjectFactory.Attributes(envelope.DocItem));
        if (envelope.HasAssumedWrapper)
        {
            AddIfAny(export, "Data", ObjectFactory.Attributes(envelope.Wrappers[0]));
        }
        else
        {
            export.Add(WrappersKey, Wrappers(envelope));
        }

        if (encoding != DocItemSetEncoding.Utf8)
        {
            export.Add(EncodingKey, encoding);
        }

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

    /// <summary>Export key: the elements between DocItem and AnchoredXml when they are not the assumed one Data.</summary>
    public const string WrappersKey = "Wrappers";

    /// <summary>Each wrapper's name, namespace (when not the DocItem's) and attributes; "none" when AnchoredXml sits in the DocItem.</summary>
    private static YNode Wrappers(CmsEnvelope envelope)
    {
        if (envelope.Wrappers.Count == 0)
        {
            return new YScalar("none");
        }

        var seq = new YSeq();
        foreach (var wrapper in envelope.Wrappers)
        {
            var map = new YMap().Add("Element", wrapper.Name.LocalName);
            if (wrapper.Name.Namespace != envelope.DocItem.Name.Namespace)
            {
                map.Add("xmlns", wrapper.Name.NamespaceName);
            }

            AddIfAny(map, "Attributes", ObjectFactory.Attributes(wrapper));
            seq.Items.Add(map);
        }

        return seq;
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
        var name = CmsEnvelope.Field(key, "Name");
        switch (scopeClass.ToLowerInvariant())
        {
            case "global":
                // A Global document can hold named objects (voice test cases: Identity is the bare name).
                return name is null ? LyncIdentity.Global : LyncIdentity.Named(name);
            case "site":
                var siteId = CmsEnvelope.Field(key, "SiteId");
                return LyncIdentity.Site(name ?? (siteId is null ? null : topology.SiteName(siteId)) ?? $"site{siteId}");
            case "tag":
                return LyncIdentity.Tag(name ?? CmsEnvelope.Field(key, "TagId") ?? Fallback(key));
            case "service":
                var serviceId = key.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "ServiceId" && e.HasAttributes)
                    ?? (key.Attribute("RoleName") is not null ? key : null);
                if (serviceId is not null)
                {
                    return LyncIdentity.Service(topology.ServiceIdentity(serviceId));
                }

                // Get-CsService prints a service id as SiteId-Role-Instance (1-Registrar-1).
                return CmsEnvelope.Field(key, "ServiceId") is { } text && ServiceIdText().Match(text) is { Success: true } id
                    ? LyncIdentity.Service(topology.ServiceIdentity(id.Groups[1].Value, id.Groups[2].Value, id.Groups[3].Value)
                        ?? TopologyIndex.ServiceId(id.Groups[1].Value, id.Groups[2].Value, id.Groups[3].Value))
                    : LyncIdentity.Service(name ?? Fallback(key));
            default:
                return new LyncIdentity(scopeClass, name ?? Fallback(key));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+)-([A-Za-z]+)-(\d+)$")]
    private static partial System.Text.RegularExpressions.Regex ServiceIdText();

    private static string Fallback(XElement key) =>
        "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString(SaveOptions.DisableFormatting))))[..12];

    private bool IsTopology(CmsEnvelope envelope) =>
        catalog.ForDocument(envelope.ElementName)?.Role == ObjectRole.Topology && envelope.Items.Count == 1;

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
        SortItems(element);
        var label = element.Attribute("Name")?.Value ?? DocumentLabel(element) ?? Fallback(WithoutSignatures(element));
        var export = parentNamespace.Length == 0 ? new YMap() : new YMap().Add("Namespace", parentNamespace);
        return _factory.Create(entry, LyncIdentity.Named(label), null, null, element, parentNamespace, export);
    }

    // Noise a document kept whole still gets without knowing its type (FORMATS.md §2.8): its Items
    // in a fixed order, its label never from a Signature. Signatures themselves are volatile (NoiseFilter).
    private static void SortItems(XElement element)
    {
        foreach (var dictionary in element.DescendantsAndSelf().Where(e => e.Name.LocalName == "Dictionary").ToList())
        {
            var items = dictionary.Elements().ToList();
            if (items.Count > 1 && items.TrueForAll(i => i.Name.LocalName == "Item"))
            {
                dictionary.ReplaceNodes(items.OrderBy(i => CanonicalXml.Of(WithoutSignatures(i), EmptySet), StringComparer.Ordinal));
            }
        }
    }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    private static string? DocumentLabel(XElement element)
    {
        var key = element.Descendants().FirstOrDefault(e => e.Name.LocalName == "AnchoredXml")?.Elements().FirstOrDefault(e => e.Name.LocalName == "Key");
        var elementName = key?.Elements().FirstOrDefault(e => e.Name.LocalName == "SchemaId") is { } schemaId ? CmsEnvelope.Field(schemaId, "ElementName") : null;
        return elementName is null ? null : $"{elementName},{CmsEnvelope.Field(key!, "ScopeClass") ?? "Global"}";
    }

    private static XElement WithoutSignatures(XElement element)
    {
        var copy = new XElement(element);
        foreach (var signature in copy.DescendantsAndSelf().Select(e => e.Attribute("Signature")).OfType<XAttribute>().ToList())
        {
            signature.Remove();
        }

        return copy;
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
