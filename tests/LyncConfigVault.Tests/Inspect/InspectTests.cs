using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using LyncConfigVault.Formats;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests.Inspect;

/// <summary>lcv inspect on the layouts the generator writes, on an export with a document lcv keeps whole, and its skeleton.</summary>
public sealed class InspectTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_export_in_another_layout_is_read_whole_and_its_layout_named()
    {
        var file = Write("everything.zip", CmsExportWriter.Write(DeploymentFactory.Create(3), ExportNoise.None, new Random(1), CmsLayout.Named["everything"]));

        var result = TestData.Lcv("inspect", file, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var inspected = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("lcv.inspect/1", inspected.GetProperty("schema").GetString());
        var cms = inspected.GetProperty("files")[0];
        Assert.Equal("cms", cms.GetProperty("kind").GetString());
        Assert.Equal("utf-16", cms.GetProperty("encoding").GetString());
        Assert.Equal(0, cms.GetProperty("genericItems").GetInt32());
        Assert.True(cms.GetProperty("roundTrip").GetProperty("exact").GetBoolean());
        Assert.Equal(["Document"], cms.GetProperty("layout").GetProperty("wrappers").EnumerateArray().Select(e => e.GetString()));
        var choices = string.Join("\n", cms.GetProperty("layout").GetProperty("choices").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("key fields as child elements", choices, StringComparison.Ordinal);
        Assert.Contains("Service keys as SiteId-Role-Instance", choices, StringComparison.Ordinal);
        Assert.Contains("list PstnUsages wrapped around <string> items", choices, StringComparison.Ordinal);
        Assert.Contains("NormalizationRules also written as Priority (from 0)", choices, StringComparison.Ordinal);
        Assert.Contains("_rels/.rels", cms.GetProperty("ignoredEntries").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public void A_document_kept_whole_is_named_with_its_reason_and_ingest_points_to_inspect()
    {
        var file = Write("odd.zip", WithOddDocument(CmsExportWriter.Write(DeploymentFactory.Create(3), ExportNoise.None, new Random(1))));

        var inspected = TestData.Lcv("inspect", file, "--format", "json");
        var text = TestData.Lcv("inspect", file);
        var vault = _folder.File("vault");
        Assert.Equal(0, TestData.Lcv("init", "--vault", vault, "--time-zone", "UTC").ExitCode);
        var ingest = TestData.Lcv("ingest", "--vault", vault, file);

        var cms = JsonDocument.Parse(inspected.Output).RootElement.GetProperty("files")[0];
        Assert.Equal(1, cms.GetProperty("genericItems").GetInt32());
        var kept = cms.GetProperty("keptWhole")[0];
        Assert.Equal("DocItem OddSettings,Global", kept.GetProperty("label").GetString());
        Assert.Contains("Value", kept.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("kept whole", text.Output, StringComparison.Ordinal);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("kept generically", ingest.Output, StringComparison.Ordinal);
        Assert.Contains($"lcv inspect \"{file}\"", ingest.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_skeleton_keeps_the_structure_and_no_value_of_the_site()
    {
        var archive = CmsExportWriter.Write(DeploymentFactory.Create(3), ExportNoise.None, new Random(1));
        var file = Write("site.zip", archive);
        var skeleton = _folder.File("skeleton.xml");

        var result = TestData.Lcv("inspect", file, "--skeleton", skeleton);

        Assert.Equal(0, result.ExitCode);
        var original = XDocument.Parse(Encoding.UTF8.GetString(ExportArchive.FromBytes("site.zip", archive, ArchiveLimits.Default).Entry("DocItemSet.xml")!));
        var written = XDocument.Load(skeleton);
        Assert.Equal(original.Descendants().Select(e => e.Name), written.Descendants().Select(e => e.Name));
        var text = File.ReadAllText(skeleton);
        var siteValues = original.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "Name" or "Fqdn" or "NumberPattern" or "TagId")
            .Select(a => a.Value).Where(v => v.Length > 3).Distinct().ToList();
        Assert.NotEmpty(siteValues);
        Assert.All(siteValues, value => Assert.DoesNotContain($"\"{value}\"", text, StringComparison.Ordinal));
        Assert.DoesNotContain("fabrikam", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ElementName=\"VoicePolicy\"", text, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        var file = _folder.File(name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    // The archive with one more DocItem whose Value holds two elements: not a shape lcv reads item by item.
    private static byte[] WithOddDocument(byte[] archive)
    {
        const string scope = "urn:schema:Microsoft.Rtc.Management.ScopeFramework.2008";
        var entries = ExportArchive.FromBytes("x.zip", archive, ArchiveLimits.Default);
        var docItemSet = XDocument.Parse(Encoding.UTF8.GetString(entries.Entry("DocItemSet.xml")!));
        docItemSet.Root!.Add(new XElement("DocItem", new XElement("Data", new XElement(XName.Get("AnchoredXml", scope),
            new XElement(XName.Get("Key", scope), new XAttribute("ScopeClass", "Global"),
                new XElement(XName.Get("SchemaId", scope), new XAttribute("Namespace", "urn:schema:Odd.2008"), new XAttribute("ElementName", "OddSettings"))),
            new XElement(XName.Get("Dictionary", scope), new XAttribute("Count", 1),
                new XElement(XName.Get("Item", scope), new XElement(XName.Get("Key", scope)),
                    new XElement(XName.Get("Value", scope), new XAttribute("Signature", Guid.Empty), new XElement("Odd"), new XElement("Extra"))))))));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("DocItemSet.xml");
            entry.LastWriteTime = SyntheticNights.DefaultStart;
            using var stream = entry.Open();
            docItemSet.Save(stream);
        }

        return buffer.ToArray();
    }
}
