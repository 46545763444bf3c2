using System.Globalization;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Layout;

namespace LyncConfigVault.Restore;

/// <summary>
/// Vault files → the XML they were normalized from: DocItemSet.xml for the CMS and the Topology
/// element. Split-out objects go back into their container at the position they were read from.
/// </summary>
internal sealed class ExportRebuilder(LyncCatalog catalog)
{
    private static readonly HashSet<string> ObjectKeys =
        [ObjectFactory.IdentityKey, ObjectFactory.NounKey, ObjectFactory.KeyKey, ObjectFactory.PriorityKey, ObjectFactory.ExportKey];

    /// <summary>The DocItemSet of a CMS export, from the objects under cms/ and topology/.</summary>
    public XDocument DocItemSet(IEnumerable<YMap> objects)
    {
        var all = objects.ToList();
        var elements = RebuildContainers(all);
        var wrapperNamespace = all.Select(o => (o[ObjectFactory.ExportKey] as YMap)?.Text("WrapperNamespace")).FirstOrDefault(n => n is not null) ?? "";
        var root = new XElement(XName.Get("DocItemSet", wrapperNamespace));
        var documents = new Dictionary<string, List<(YMap Object, XElement Setting)>>(StringComparer.Ordinal);
        foreach (var (obj, setting) in elements)
        {
            var export = obj[ObjectFactory.ExportKey] as YMap;
            if (export?["Document"] is null)
            {
                if (export?.Text("Source") is null)
                {
                    root.Add(setting);   // a DocItem kept whole because it did not have the documented shape
                }

                continue;
            }

            var key = DocumentKey(export);
            if (!documents.TryGetValue(key, out var items))
            {
                documents[key] = items = [];
            }

            items.Add((obj, setting));
        }

        // In the order of the documents' YAML, as they always came out: written once per document, not per object.
        foreach (var items in documents.Values.OrderBy(i => DocumentOrder((YMap)i[0].Object[ObjectFactory.ExportKey]!), StringComparer.Ordinal))
        {
            root.Add(DocItem(items, wrapperNamespace));
        }

        return new XDocument(root);
    }

    /// <summary>DocItemSet.xml as bytes, indented, in the encoding it was read in: UTF-8 unless the objects recorded another.</summary>
    public byte[] DocItemSetBytes(IEnumerable<YMap> objects)
    {
        var all = objects.ToList();
        var encoding = all.Select(o => (o[ObjectFactory.ExportKey] as YMap)?.Text(CmsNormalizer.EncodingKey)).FirstOrDefault(e => e is not null);
        using var buffer = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(buffer, new System.Xml.XmlWriterSettings { Encoding = DocItemSetEncoding.Of(encoding), Indent = true }))
        {
            DocItemSet(all).Save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The Topology element alone, as (Get-CsTopology -AsXml) gives it.</summary>
    public XElement? Topology(IEnumerable<YMap> objects) =>
        RebuildContainers(objects.ToList()).FirstOrDefault(e => catalog.RoleOf(e.Object.Text(ObjectFactory.NounKey) ?? "") == ObjectRole.Topology).Setting;

    /// <summary>The setting element of every object that is not itself split out, with its split children back inside.</summary>
    private List<(YMap Object, XElement Setting)> RebuildContainers(List<YMap> objects)
    {
        var children = objects
            .Where(o => (o[ObjectFactory.ExportKey] as YMap)?.Text(DocumentSplitter.ContainerKey) is not null)
            .GroupBy(o => ((YMap)o[ObjectFactory.ExportKey]!).Text(DocumentSplitter.ContainerKey)!)
            .ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<(YMap, XElement)>();
        foreach (var obj in objects.Where(o => (o[ObjectFactory.ExportKey] as YMap)?.Text(DocumentSplitter.ContainerKey) is null))
        {
            var setting = Setting(obj, NamespaceOf(obj));
            var name = $"{obj.Text(ObjectFactory.NounKey)} {obj.Text(ObjectFactory.IdentityKey)}";
            if (children.TryGetValue(name, out var split))
            {
                Reinsert(setting, split);
            }

            WriteLists(obj, setting);   // after the split children are back: the document's own list may be theirs (routes)

            result.Add((obj, setting));
        }

        return result;
    }

    private void Reinsert(XElement container, List<YMap> split)
    {
        var byWrapper = split
            .Select(o => (Object: o, Export: (YMap)o[ObjectFactory.ExportKey]!))
            .OrderBy(s => int.Parse(s.Export.Text(DocumentSplitter.PositionKey) ?? "0", CultureInfo.InvariantCulture))
            .GroupBy(s => s.Export.Text(DocumentSplitter.WrapperKey));
        foreach (var group in byWrapper)
        {
            var parent = group.Key is null ? container : container.Elements().First(e => e.Name.LocalName == group.Key);

            // The children in a list, each split object put in at its position, and the parent given them once:
            // inserting into the XML one by one walks its children every time, 5,000 routes 5,000 times.
            var children = parent.Elements().ToList();
            var elementsOnly = parent.Nodes().All(n => n is XElement);
            foreach (var (obj, export) in group)
            {
                var element = Setting(obj, parent.Name.NamespaceName);
                WriteLists(obj, element);
                var position = int.Parse(export.Text(DocumentSplitter.PositionKey) ?? "0", CultureInfo.InvariantCulture);
                if (!elementsOnly)
                {
                    Insert(parent, element, position);   // text between the children: kept where it is
                }
                else if (position >= children.Count)
                {
                    children.Add(element);
                }
                else
                {
                    children.Insert(position, element);
                }
            }

            if (elementsOnly)
            {
                parent.ReplaceNodes(children);
            }
        }
    }

    private static void Insert(XElement parent, XElement element, int position)
    {
        var siblings = parent.Elements().ToList();
        if (position >= siblings.Count)
        {
            parent.Add(element);
        }
        else
        {
            siblings[position].AddBeforeSelf(element);
        }
    }

    private XElement DocItem(List<(YMap Object, XElement Setting)> items, string wrapperNamespace)
    {
        var first = (YMap)items[0].Object[ObjectFactory.ExportKey]!;
        var anchoredAttributes = first["AnchoredXml"] as YMap ?? new YMap();
        var anchoredNamespace = anchoredAttributes.Text("xmlns") ?? CmsEnvelope.ScopeFrameworkNamespace;
        var dictionary = WithAttributes(new XElement(XName.Get("Dictionary", anchoredNamespace)), first["Dictionary"] as YMap);
        dictionary.SetAttributeValue("Count", items.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (obj, setting) in items.OrderBy(i => i.Object.Text(ObjectFactory.IdentityKey), StringComparer.Ordinal))
        {
            var export = (YMap)obj[ObjectFactory.ExportKey]!;
            var key = obj[ObjectFactory.KeyKey] is { } keyNode
                ? ElementYamlMapper.ToXml("Key", keyNode, anchoredNamespace)
                : new XElement(XName.Get("Key", anchoredNamespace));
            if (export[ItemKeyForm.ExportKey] is YSeq keyElements)
            {
                ItemKeyForm.ToElements(key, keyElements);
            }

            var value = WithAttributes(new XElement(XName.Get("Value", anchoredNamespace)), export["Value"] as YMap);
            value.Add(setting);
            dictionary.Add(WithAttributes(new XElement(XName.Get("Item", anchoredNamespace), key, value), export["Item"] as YMap));
        }

        var anchored = WithAttributes(new XElement(XName.Get("AnchoredXml", anchoredNamespace)), anchoredAttributes, "xmlns");
        anchored.Add(ElementYamlMapper.ToXml("Key", first["Document"]!, anchoredNamespace), dictionary);
        return WithAttributes(new XElement(XName.Get("DocItem", wrapperNamespace)), first["DocItem"] as YMap, Wrapped(anchored, first, wrapperNamespace));
    }

    /// <summary>AnchoredXml inside the wrappers it was read in: the one assumed Data unless Export names others, or none.</summary>
    private XElement Wrapped(XElement anchored, YMap export, string wrapperNamespace)
    {
        switch (export[CmsNormalizer.WrappersKey])
        {
            case YScalar:
                return anchored;
            case YSeq wrappers:
                var inner = anchored;
                foreach (var wrapper in wrappers.Items.OfType<YMap>().Reverse())
                {
                    var element = new XElement(XName.Get(wrapper.Text("Element")!, wrapper.Text("xmlns") ?? wrapperNamespace));
                    inner = WithAttributes(element, wrapper["Attributes"] as YMap, inner);
                }

                return inner;
            default:
                return WithAttributes(new XElement(XName.Get("Data", wrapperNamespace)), export["Data"] as YMap, anchored);
        }
    }

    private void WriteLists(YMap obj, XElement setting)
    {
        var entry = catalog.ForNoun(obj.Text(ObjectFactory.NounKey) ?? "");
        if (entry is not null && ListLayout.Applies(entry))
        {
            ListLayout.For(entry).Write(setting, obj[ObjectFactory.ExportKey] as YMap);
        }
    }

    private XElement WithAttributes(XElement element, YMap? attributes, params string[] except) =>
        WithAttributes(element, attributes, null, except);

    private XElement WithAttributes(XElement element, YMap? attributes, XElement? child, params string[] except)
    {
        foreach (var (name, value) in attributes?.Entries ?? [])
        {
            if (!except.Contains(name))
            {
                element.SetAttributeValue(ElementYamlMapper.AttributeName(name), value.ToString());
            }
        }

        if (child is not null)
        {
            element.Add(child);
        }

        return element;
    }

    private static readonly string[] DocumentKeys = ["DocItem", "Data", CmsNormalizer.WrappersKey, "AnchoredXml", "Document", "Dictionary", "WrapperNamespace"];

    private static string DocumentOrder(YMap export) =>
        string.Join("\u0001", DocumentKeys.Select(k => export[k] is { } node ? YamlText.Write(new YMap().Add(k, node)) : ""));

    // Objects of one DocItem carry equal trees under these keys. Compared as exact structure (kinds, key order,
    // texts with their lengths): writing each as YAML to compare it cost a fifth of a second at 20,000 objects.
    private static string DocumentKey(YMap export)
    {
        var key = new System.Text.StringBuilder();
        foreach (var name in DocumentKeys)
        {
            if (export[name] is { } node)
            {
                Structure(key.Append(name).Append('='), node);
            }

            key.Append('\u0001');
        }

        return key.ToString();
    }

    private static void Structure(System.Text.StringBuilder key, YNode node)
    {
        switch (node)
        {
            case YScalar scalar:
                key.Append('s').Append(scalar.Text.Length).Append(':').Append(scalar.Text);
                break;
            case YSeq seq:
                key.Append('[');
                seq.Items.ForEach(item => Structure(key, item));
                key.Append(']');
                break;
            case YMap map:
                key.Append('{');
                foreach (var (name, value) in map.Entries)
                {
                    key.Append(name.Length).Append(':').Append(name);
                    Structure(key, value);
                }

                key.Append('}');
                break;
        }
    }

    private string NamespaceOf(YMap obj) => (obj[ObjectFactory.ExportKey] as YMap)?.Text("Namespace") ?? "";

    private XElement Setting(YMap obj, string parentNamespace)
    {
        var derived = catalog.ForNoun(obj.Text(ObjectFactory.NounKey) ?? "")?.Derived ?? [];
        var (name, node) = TopologyReading.WithoutDerived(obj, derived).Entries.First(e => !ObjectKeys.Contains(e.Key));
        return ElementYamlMapper.ToXml(name, node, parentNamespace);
    }
}
