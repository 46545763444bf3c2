using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Simulation;
using LyncConfigVault.Tests.Diff;

namespace LyncConfigVault.Tests.Normalize;

/// <summary>
/// FORMATS.md §2.9.1: every layout the generator can write reads as the objects the assumed layout
/// gives, ignores its re-export noise, finds the nights' admin changes alike and rebuilds as it was read.
/// The assumed layout is the reference each other layout is held to.
/// </summary>
public sealed class LayoutToleranceTests
{
    public static TheoryData<string> Layouts() => new(CmsLayout.Named.Keys);

    private static readonly ExportNoise AllNoise = new(ShuffleDocuments: true, ShuffleAttributes: true, Indent: "\t", CrLf: true, Bom: true,
        XmlDeclaration: false, PrefixedNamespaces: true, NamespacedWrapper: true, ShuffleZipEntries: true, ResignShare: 1.0);

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_layout_reads_as_the_objects_of_the_assumed_layout_and_nothing_generically(string layout)
    {
        var deployment = DeploymentFactory.Create(11);
        var assumed = Read(CmsExportWriter.Write(deployment, ExportNoise.None, new Random(1)));

        var read = Read(CmsExportWriter.Write(deployment, ExportNoise.None, new Random(1), CmsLayout.Named[layout]));

        Assert.DoesNotContain(read, o => o.Area == "other");
        Assert.Equal(assumed.Select(o => o.Path).Order(StringComparer.Ordinal), read.Select(o => o.Path).Order(StringComparer.Ordinal));
        var byPath = read.ToDictionary(o => o.Path);
        Assert.All(assumed, expected => Assert.Equal(Meaning(expected, layout), Meaning(byPath[expected.Path], layout)));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_re_export_with_only_noise_is_no_change(string layout)
    {
        var deployment = DeploymentFactory.Create(12);
        var before = Snapshot(CmsExportWriter.Write(deployment, ExportNoise.None, new Random(1), CmsLayout.Named[layout]));

        var after = Snapshot(CmsExportWriter.Write(deployment, AllNoise, new Random(2), CmsLayout.Named[layout]));

        Assert.Empty(DiffTestData.Compare(before, after).Changes);
        Assert.Equal(Fingerprints(before), Fingerprints(after));
    }

    [Fact]
    public void In_a_vault_a_noise_only_re_export_in_another_layout_makes_no_commit_and_lcv_diff_finds_nothing()
    {
        using var folder = new TempFolder();
        var layout = CmsLayout.Named["everything"];
        var deployment = DeploymentFactory.Create(14);
        var first = folder.File("first.zip");
        File.WriteAllBytes(first, CmsExportWriter.Write(deployment, ExportNoise.None, new Random(1), layout));
        deployment.ExportTime = deployment.ExportTime.AddDays(1);
        var second = folder.File("second.zip");
        File.WriteAllBytes(second, CmsExportWriter.Write(deployment, AllNoise, new Random(2), layout));
        var vault = folder.File("vault");
        Assert.Equal(0, TestData.Lcv("init", "--vault", vault, "--time-zone", "UTC").ExitCode);

        Assert.Equal(0, TestData.Lcv("ingest", "--vault", vault, first).ExitCode);
        var again = TestData.Lcv("ingest", "--vault", vault, second);
        var diff = TestData.Lcv("diff", first, second);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("no change", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, diff.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_nights_admin_changes_are_found_as_in_the_assumed_layout_with_nothing_more(string layout)
    {
        var assumed = SyntheticNights.Generate(21, 8).ToList();
        var other = SyntheticNights.Generate(21, 8, layout: CmsLayout.Named[layout]).ToList();

        for (var i = 1; i < assumed.Count; i++)
        {
            var expected = Describe(DiffTestData.Compare(Snapshot(assumed[i - 1].CmsArchive), Snapshot(assumed[i].CmsArchive)));
            var found = Describe(DiffTestData.Compare(Snapshot(other[i - 1].CmsArchive), Snapshot(other[i].CmsArchive)));

            Assert.Equal(expected, found);
            Assert.Equal(assumed[i].Changes.Count == 0, found.Count == 0);
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_rule_and_a_route_inserted_in_the_middle_are_two_additions_and_nothing_else(string layout)
    {
        var deployment = DeploymentFactory.Create(13);
        var before = Snapshot(CmsExportWriter.Write(deployment, ExportNoise.None, new Random(1), CmsLayout.Named[layout]));
        var dialPlan = deployment.Items.First(i => i.ElementName == "LocationProfile" && i.ScopeClass == "Site" && Children(i.Setting, "NormalizationRules").Count >= 3);
        var rules = Children(dialPlan.Setting, "NormalizationRules");
        rules[1].AddBeforeSelf(new XElement(rules[1].Name, new XAttribute("Name", "Inserted-Rule"), new XAttribute("Pattern", @"^(\d{3})$"),
            new XAttribute("Translation", "+3531555$1"), new XAttribute("IsInternalExtension", "true")));
        var routes = Children(deployment.Items.Single(i => i.ElementName == "PstnRoutingSettings").Setting, "Route");
        var inserted = new XElement(routes[1]);
        inserted.SetAttributeValue("Name", "Inserted-Route");
        routes[1].AddBeforeSelf(inserted);

        var after = Snapshot(CmsExportWriter.Write(deployment, ExportNoise.None, new Random(1), CmsLayout.Named[layout]));

        var changes = DiffTestData.Compare(before, after).Changes.OrderBy(c => c.DisplayName, StringComparer.Ordinal).ToList();
        Assert.Equal([$"Modified DialPlan Site:{dialPlan.ScopeName}", "Added VoiceRoute Inserted-Route"], changes.Select(c => $"{c.Kind} {c.DisplayName}").Order(StringComparer.Ordinal).Reverse());
        var rule = Assert.Single(changes.Single(c => c.Noun == "DialPlan").Properties);
        Assert.Equal(PropertyChangeKind.Added, rule.Kind);
        Assert.Contains("Inserted-Rule", rule.Path, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_rebuilt_export_has_the_layout_it_was_read_from(string layout)
    {
        foreach (var night in SyntheticNights.Generate(7919, 3, objects: 300, layout: CmsLayout.Named[layout]))
        {
            var docItemSet = ExportArchive.FromBytes("CsConfiguration.zip", night.CmsArchive, ArchiveLimits.Default).Entry("DocItemSet.xml")!;
            var original = SafeXml.Load(docItemSet, "DocItemSet.xml", "");

            var rebuilt = TestData.RebuildThroughYaml(TestData.NormalizeCms(docItemSet));

            Assert.Equal(TestData.Canonical(original), TestData.Canonical(rebuilt));
        }
    }

    private static List<XElement> Children(XElement setting, string name) => setting.Elements().Where(e => e.Name.LocalName == name).ToList();

    private static List<LyncObject> Read(byte[] archive) =>
        TestData.NormalizeCms(ExportArchive.FromBytes("x.zip", archive, ArchiveLimits.Default).Entry("DocItemSet.xml")!);

    private static Snapshot Snapshot(byte[] archive)
    {
        var result = new ExportNormalizer(LyncCatalog.Default, TestData.Filter, SyntheticNights.ServerZone)
            .Normalize(ExportArchive.FromBytes("CsConfiguration.zip", archive, ArchiveLimits.Default), SyntheticNights.DefaultStart);
        return new Snapshot(result.Objects.ToDictionary(o => o.Path, StringComparer.Ordinal), [result.Record], result.Parts);
    }

    private static Dictionary<string, string> Fingerprints(Snapshot snapshot)
    {
        var fingerprint = new SemanticFingerprint(LyncCatalog.Default, TestData.Filter);
        return snapshot.Objects.ToDictionary(o => o.Key, o => fingerprint.Of(o.Value.Content));
    }

    // What the object says, without where it sat in the file; a Service key printed as text keeps its own spelling.
    private static string Meaning(LyncObject obj, string layout)
    {
        var content = (YMap)obj.Content.DeepCopy();
        content.Remove(ObjectFactory.ExportKey);
        if (obj.Identity.Scope.Equals("Service", StringComparison.OrdinalIgnoreCase) && CmsLayout.Named[layout].ServiceKeyText)
        {
            content.Remove(ObjectFactory.KeyKey);
        }

        return YamlText.Write(content);
    }

    private static List<string> Describe(DiffReport report) =>
        report.Changes
            .Select(c => $"{c.Kind} {c.DisplayName}: " + string.Join("; ", c.Properties.Select(p => $"{p.Kind} {p.Path} {Show(p.Old)}@{p.From} → {Show(p.New)}@{p.To}")))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Show(YNode? node) => node switch
    {
        null => "",
        YScalar scalar => scalar.Text,
        _ => YamlText.Write(new YMap().Add("value", node)),
    };
}
