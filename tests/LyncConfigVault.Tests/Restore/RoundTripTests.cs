using System.Text;
using System.Xml.Linq;
using LyncConfigVault.Formats;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests.Restore;

/// <summary>YAML → XML gives back the exported XML, under canonical comparison, for every generated object.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 24; seed++)
        {
            seeds.Add(seed * 7919);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_generated_night_rebuilds_from_its_yaml_to_the_same_canonical_docitemset(int seed)
    {
        foreach (var night in SyntheticNights.Generate(seed, 3, objects: 300))
        {
            var docItemSet = ExportArchive.FromBytes("CsConfiguration.zip", night.CmsArchive, ArchiveLimits.Default).Entry("DocItemSet.xml")!;
            var original = SafeXml.Load(docItemSet, "DocItemSet.xml", "");

            var rebuilt = TestData.RebuildThroughYaml(TestData.NormalizeCms(docItemSet));

            Assert.Equal(TestData.Canonical(original), TestData.Canonical(rebuilt));
        }
    }

    [Fact]
    public void The_real_cms_document_rebuilds_inside_a_docitemset()
    {
        var sample = TestData.Xml("samples/cms-anchoredxml-serviceassignments.xml").Root!;
        var docItemSet = new XDocument(new XElement("DocItemSet", new XElement("DocItem", new XAttribute("Name", "ServiceAssignments"), new XElement("Data", sample))));
        var bytes = Encoding.UTF8.GetBytes(docItemSet.ToString());

        var objects = TestData.NormalizeCms(bytes);

        var assignments = Assert.Single(objects);
        Assert.Equal("ServiceAssignments Global", assignments.DisplayName);
        Assert.Equal(TestData.Canonical(docItemSet), TestData.Canonical(TestData.RebuildThroughYaml(objects)));
    }
}
