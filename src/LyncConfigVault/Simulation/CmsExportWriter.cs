using System.Text;
using System.Xml;
using System.Xml.Linq;
using LyncConfigVault.Formats;

namespace LyncConfigVault.Simulation;

/// <summary>
/// Writes Export-CsConfiguration archives as FORMATS.md §2.1–2.10 describes: [Content_Types].xml and
/// DocItemSet.xml, one DocItem per (type, scope class), the topology as one Global document.
/// </summary>
internal static class CmsExportWriter
{
    private const string ContentTypes = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"text/xml\" /></Types>";
    private const string WrapperNs = "urn:schema:Microsoft.Rtc.Management.Xds.DocItemSet.2008";   // ASSUMPTION: only for the namespaced-wrapper noise variant

    // OPC parts a packaging library may add; lcv must pass over them whatever they are called.
    private const string Relationships = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\" />";
    private const string CoreProperties = "<coreProperties xmlns=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"><creator>Microsoft.Rtc.Management</creator></coreProperties>";

    public static byte[] Write(SyntheticDeployment deployment, ExportNoise noise, Random random, CmsLayout? layout = null)
    {
        layout ??= CmsLayout.Assumed;
        var docItemSet = DocItemSet(deployment, noise, random, layout);
        var entries = new List<(string Name, byte[] Bytes)> { ("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes)), ("DocItemSet.xml", docItemSet) };
        if (noise.ShuffleZipEntries)
        {
            entries.Reverse();
        }

        var written = entries.Select(e => (e.Name, e.Bytes, deployment.ExportTime.AddSeconds(noise.ShuffleZipEntries ? random.Next(1, 50) : 0))).ToList();
        if (layout.ExtraEntries)
        {
            // After the noise's draws, so every layout tells the seed's same story.
            written.Insert(0, ("_rels/.rels", Encoding.UTF8.GetBytes(Relationships), deployment.ExportTime));
            written.Add(("package/services/metadata/core-properties/4c1d.psmdcp", Encoding.UTF8.GetBytes(CoreProperties), deployment.ExportTime));
        }

        return ZipWriter.Write(written);
    }

    /// <summary>DocItemSet.xml alone, serialized with the noise asked for.</summary>
    public static byte[] DocItemSet(SyntheticDeployment deployment, ExportNoise noise, Random random, CmsLayout? layout = null)
    {
        layout ??= CmsLayout.Assumed;
        var wrapperNs = noise.NamespacedWrapper ? WrapperNs : "";
        var root = new XElement(XName.Get("DocItemSet", wrapperNs));
        var documents = deployment.Items.GroupBy(i => i.DocumentKey).Select(g => g.ToList()).ToList();
        var published = new XElement(deployment.Topology);
        published.SetAttributeValue("Signature", deployment.TopologySignature);
        var topology = new SyntheticCmsItem("Topology", SyntheticDeployment.TopologyNs, "Global", new XElement(XName.Get("Key", DeploymentFactory.ScopeNs)),
            published, deployment.TopologySignature);
        documents.Add([topology]);
        if (noise.ShuffleDocuments)
        {
            documents = documents.OrderBy(_ => random.Next()).Select(d => d.OrderBy(_ => random.Next()).ToList()).ToList();
        }

        foreach (var items in documents)
        {
            if (noise.ResignShare > 0)
            {
                foreach (var item in items.Where(_ => random.NextDouble() < noise.ResignShare))
                {
                    item.Signature = DeploymentFactory.NewGuid(random);   // Lync rewrote the item with the same values
                }
            }

            root.Add(DocItem(items, wrapperNs, noise));
        }

        if (noise.ShuffleAttributes)
        {
            foreach (var element in root.DescendantsAndSelf())
            {
                var attributes = element.Attributes().ToList();
                element.ReplaceAttributes(attributes.OrderBy(_ => random.Next()));
            }
        }

        // After the noise too: the Edge pool draws nothing from the seed.
        TopologyFactory.AddEdge(root.Descendants(XName.Get("Topology", SyntheticDeployment.TopologyNs)).Single(), SyntheticSite.All[0], deployment.Domain, deployment.EdgeAccessAddress);
        if (deployment.VoiceTestCases.Count > 0)
        {
            root.Add(DocItem(deployment.VoiceTestCases, wrapperNs, noise));   // after the noise: it draws nothing from the seed
        }

        foreach (var docItem in root.Elements())
        {
            layout.Apply(docItem);
        }

        return Serialize(new XDocument(root), noise, layout);
    }

    private static XElement DocItem(List<SyntheticCmsItem> items, string wrapperNs, ExportNoise noise)
    {
        var first = items[0];
        const string scope = DeploymentFactory.ScopeNs;
        var name = $"{{{first.Namespace}}}{first.ElementName},Host{{00000000-0000-0000-0000-000000000000}},{first.ScopeClass}";
        var dictionary = new XElement(XName.Get("Dictionary", scope), new XAttribute("Count", items.Count));
        foreach (var item in items)
        {
            var setting = new XElement(item.Setting);
            if (noise.PrefixedNamespaces)
            {
                setting.Add(new XAttribute(XNamespace.Xmlns + "p", item.Namespace));
            }

            dictionary.Add(new XElement(XName.Get("Item", scope),
                new XElement(item.Key),
                new XElement(XName.Get("Value", scope), new XAttribute("Signature", item.Signature), setting)));
        }

        var anchored = new XElement(XName.Get("AnchoredXml", scope), new XAttribute("SchemaWriteVersion", 1),
            new XElement(XName.Get("Key", scope), new XAttribute("ScopeClass", first.ScopeClass),
                new XElement(XName.Get("SchemaId", scope), new XAttribute("Namespace", first.Namespace), new XAttribute("ElementName", first.ElementName)),
                new XElement(XName.Get("AuthorityId", scope), new XAttribute("Class", "Host"), new XAttribute("InstanceId", "00000000-0000-0000-0000-000000000000"))),
            dictionary);
        return new XElement(XName.Get("DocItem", wrapperNs), new XAttribute("Name", name), new XElement(XName.Get("Data", wrapperNs), anchored));
    }

    private static byte[] Serialize(XDocument document, ExportNoise noise, CmsLayout layout)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = layout.Utf16 ? new UnicodeEncoding(bigEndian: false, byteOrderMark: noise.Bom || !noise.XmlDeclaration) : new UTF8Encoding(noise.Bom),
            Indent = noise.Indent.Length > 0,
            IndentChars = noise.Indent,
            NewLineChars = noise.CrLf ? "\r\n" : "\n",
            OmitXmlDeclaration = !noise.XmlDeclaration,
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }
}
