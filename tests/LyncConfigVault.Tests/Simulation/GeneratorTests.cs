using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests.Simulation;

public sealed class GeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_bytes_night_by_night()
    {
        var first = SyntheticNights.Generate(42, 4).Select(n => n.CmsArchive).ToList();
        var second = SyntheticNights.Generate(42, 4).Select(n => n.CmsArchive).ToList();
        var other = SyntheticNights.Generate(43, 4).Select(n => n.CmsArchive).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first[1], other[1]);
    }

    [Fact]
    public void The_archive_holds_the_two_documented_entries()
    {
        var archive = ExportArchive.FromBytes("x.zip", SyntheticNights.Generate(1, 1).Single().CmsArchive, ArchiveLimits.Default);

        Assert.Equal(["DocItemSet.xml", "[Content_Types].xml"], archive.EntryNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_deployment_has_sites_pools_an_sba_gateways_and_dozens_of_policies()
    {
        var objects = Normalize(SyntheticNights.Generate(1, 1).Single());
        int Count(string noun) => objects.Count(o => o.Noun == noun);

        Assert.True(Count("Site") >= 6 && Count("Pool") >= 15, $"{Count("Site")} sites, {Count("Pool")} pools");
        Assert.Contains(objects, o => o.DisplayName == "Pool galsba01.fabrikam.com");
        Assert.True(Count("VoicePolicy") >= 24, $"{Count("VoicePolicy")} voice policies");
        Assert.True(Count("DialPlan") >= 7 && Count("VoiceRoute") >= 18 && Count("TrunkConfiguration") >= 12);
        Assert.True(Count("ClientPolicy") >= 5 && Count("ConferencingPolicy") >= 4 && Count("ExternalAccessPolicy") >= 3);
    }

    [Fact]
    public void Asking_for_20000_objects_gives_at_least_that_many()
    {
        var night = SyntheticNights.Generate(5, 1, objects: 20_000).Single();

        Assert.InRange(Normalize(night).Count, 20_000, 20_100);
    }

    [Fact]
    public void Over_a_month_of_nights_every_kind_of_admin_change_happens()
    {
        var changes = SyntheticNights.Generate(7, 30).SelectMany(n => n.Changes).ToList();

        Assert.Contains(changes, c => c.StartsWith("TrunkConfiguration Service:PstnGateway:", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.StartsWith("Pool ", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("-R", StringComparison.Ordinal));          // renamed
        Assert.Contains(changes, c => c.Contains("-Project", StringComparison.Ordinal));    // added
        Assert.Contains(changes, c => c.StartsWith("DialPlan Site:", StringComparison.Ordinal));
    }

    public static TheoryData<string> NoiseKinds => new()
    {
        "signatures", "order", "attributes", "indent", "crlf", "bom", "declaration", "prefixes", "wrapper", "zip",
    };

    [Theory]
    [MemberData(nameof(NoiseKinds))]
    public void Each_kind_of_re_export_noise_changes_no_fingerprint(string kind)
    {
        var deployment = DeploymentFactory.Create(11);
        var noise = kind switch
        {
            "signatures" => ExportNoise.None with { ResignShare = 1.0 },
            "order" => ExportNoise.None with { ShuffleDocuments = true },
            "attributes" => ExportNoise.None with { ShuffleAttributes = true },
            "indent" => ExportNoise.None with { Indent = "\t" },
            "crlf" => ExportNoise.None with { CrLf = true },
            "bom" => ExportNoise.None with { Bom = true },
            "declaration" => ExportNoise.None with { XmlDeclaration = false },
            "prefixes" => ExportNoise.None with { PrefixedNamespaces = true },
            "wrapper" => ExportNoise.None with { NamespacedWrapper = true },
            _ => ExportNoise.None with { ShuffleZipEntries = true },
        };
        var before = Fingerprints(CmsExportWriter.Write(deployment, ExportNoise.None, new Random(1)));

        var after = Fingerprints(CmsExportWriter.Write(deployment, noise, new Random(2)));

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_real_change_changes_exactly_the_objects_the_generator_names()
    {
        var nights = SyntheticNights.Generate(21, 6).ToList();
        for (var i = 1; i < nights.Count; i++)
        {
            var before = Fingerprints(nights[i - 1].CmsArchive, byName: true);
            var after = Fingerprints(nights[i].CmsArchive, byName: true);

            var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).Order(StringComparer.Ordinal);

            Assert.Equal(nights[i].Changes.Order(StringComparer.Ordinal), changed);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20261203)]
    public void Four_hundred_nights_of_any_seed_generate_with_every_export_and_keep_their_story_exact(int seed)
    {
        var nights = int.TryParse(Environment.GetEnvironmentVariable("LCV_GENERATOR_NIGHTS"), out var asked) ? asked : 400;
        var last = new List<SyntheticNight>();
        var previous = DateTimeOffset.MinValue;

        foreach (var night in SyntheticNights.Generate(seed, nights, parts: SyntheticParts.All))
        {
            Assert.True(night.ExportTime > previous, $"night {night.Number} is not after the one before");
            previous = night.ExportTime;
            last.Add(night);
            if (last.Count > 3)
            {
                last.RemoveAt(0);
            }
        }

        Assert.Equal(nights, last[^1].Number);
        for (var i = 1; i < last.Count; i++)
        {
            var before = Fingerprints(last[i - 1].CmsArchive, byName: true);
            var after = Fingerprints(last[i].CmsArchive, byName: true);
            var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).Order(StringComparer.Ordinal);
            var named = last[i].Changes.Where(c => !c.StartsWith("Rgs", StringComparison.Ordinal) && !c.StartsWith("Lis", StringComparison.Ordinal));
            Assert.Equal(named.Order(StringComparer.Ordinal), changed);
            Assert.All(after.Keys, name => Assert.True(name.Length < 120, $"{name}: names grow night after night"));
        }
    }

    private static List<LyncObject> Normalize(SyntheticNight night) =>
        TestData.NormalizeCms(ExportArchive.FromBytes("x.zip", night.CmsArchive, ArchiveLimits.Default).Entry("DocItemSet.xml")!);

    private static Dictionary<string, string> Fingerprints(byte[] archive, bool byName = false)
    {
        var fingerprint = new SemanticFingerprint(LyncCatalog.Default, TestData.Filter);
        var objects = TestData.NormalizeCms(ExportArchive.FromBytes("x.zip", archive, ArchiveLimits.Default).Entry("DocItemSet.xml")!);
        return objects.ToDictionary(o => byName ? o.DisplayName : o.Path, o => fingerprint.Of(o.Content));
    }
}
