using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Restore;
using LyncConfigVault.Simulation;
using LyncConfigVault.Simulation.Lis;
using LyncConfigVault.Tests.Diff;

namespace LyncConfigVault.Tests.Lis;

public sealed class LisNormalizerTests
{
    private const string LondonFloor1 = "lis/locations/Floor 1, 1 Canada Square, London, GB.yaml";
    private static readonly DateTimeOffset ExportTime = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static SyntheticLis Lis() => new SyntheticLis(new Random(4)).Populate();

    private static Snapshot Snapshot(byte[] archive, string name = "E911Config.zip")
    {
        var result = new ExportNormalizer(LyncCatalog.Default, TestData.Filter, SyntheticNights.ServerZone).Normalize(ExportArchive.FromBytes(name, archive, ArchiveLimits.Default), ExportTime);
        return new Snapshot(result.Objects.ToDictionary(o => o.Path, StringComparer.Ordinal), [result.Record], result.Parts);
    }

    private static YMap Location(Snapshot snapshot, string path) => (YMap)snapshot.Objects[path].Content["Location"]!;

    [Fact]
    public void Each_location_is_one_file_holding_the_network_elements_mapped_to_it()
    {
        var snapshot = Snapshot(Lis().Archive(ExportTime, shuffle: false));

        Assert.Equal(ExportKind.Lis, Assert.Single(snapshot.Exports).Kind);
        Assert.Equal(16, snapshot.Objects.Keys.Count(k => k.StartsWith("lis/locations/", StringComparison.Ordinal)));
        var floor = Location(snapshot, LondonFloor1);
        Assert.Equal("Floor 1", floor.Text("Location"));
        Assert.Equal("E14 5AB", floor.Text("PostalCode"));
        Assert.Equal("10.1.4.0", ((YMap)((YSeq)floor["Subnets"]!).Items.Single()).Text("Subnet"));
        Assert.Single(((YSeq)floor["WirelessAccessPoints"]!).Items);
        Assert.Equal("00-1A-2B-00-00-04, Gi1/0/1, InterfaceName", ((YMap)((YSeq)floor["Ports"]!).Items[0]).Text("Port"));
        Assert.Null(floor["LocationId"]);
    }

    [Fact]
    public void A_location_nothing_points_to_is_kept()
    {
        var snapshot = Snapshot(Lis().Archive(ExportTime, shuffle: false));

        var reception = Location(snapshot, "lis/locations/Reception, 1 Eyre Square, Galway, IE.yaml");
        Assert.Empty(((YSeq)reception["Subnets"]!).Items);
        Assert.Equal("false", reception.Text("Validated"));
    }

    [Fact]
    public void The_service_provider_password_is_stored_as_a_hash_only()
    {
        var snapshot = Snapshot(Lis().Archive(ExportTime, shuffle: false));

        var text = YamlText.Write(snapshot.Objects["lis/service-providers/Fabrikam E911.yaml"].Content);
        Assert.DoesNotContain("S3cret!", text);
        Assert.Contains("Password: redacted:sha256:", text);
    }

    [Fact]
    public void Renumbered_location_ids_and_shuffled_elements_are_no_change()
    {
        var lis = Lis();
        var before = Snapshot(lis.Archive(ExportTime, shuffle: false));

        var after = Snapshot(lis.Archive(ExportTime, shuffle: true));

        Assert.True(DiffTestData.Compare(before, after).IsEmpty);
    }

    [Fact]
    public void A_subnet_moved_to_another_floor_reads_as_one_change_of_its_location()
    {
        var lis = Lis();
        var before = Snapshot(lis.Archive(ExportTime, shuffle: false));
        var named = lis.Change(3);

        var change = Assert.Single(DiffTestData.Compare(before, Snapshot(lis.Archive(ExportTime, shuffle: true))).Changes);

        Assert.Equal(Assert.Single(named), change.DisplayName);
        var location = Assert.Single(change.Properties);
        Assert.Equal("Location", location.Path);
        Assert.Equal("Floor 1, 1 Canada Square, London, GB", ((YScalar)location.Old!).Text);
        Assert.Equal("Floor 2, 1 Canada Square, London, GB", ((YScalar)location.New!).Text);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void A_patched_port_or_renamed_access_point_is_one_change_of_its_location(int night)
    {
        var lis = Lis();
        var before = Snapshot(lis.Archive(ExportTime, shuffle: false));
        var named = lis.Change(night);

        var change = Assert.Single(DiffTestData.Compare(before, Snapshot(lis.Archive(ExportTime, shuffle: true))).Changes);

        Assert.Equal(Assert.Single(named), change.DisplayName);
    }

    [Fact]
    public void The_yaml_rebuilds_an_archive_that_normalizes_to_the_same_files()
    {
        var original = Snapshot(Lis().Archive(ExportTime, shuffle: true));

        var again = Snapshot(new LisRebuilder(LyncCatalog.Default).Archive(original.Objects.Values.Select(o => o.Content), ExportTime));

        Assert.Equal(original.Objects.Keys.Order(StringComparer.Ordinal), again.Objects.Keys.Order(StringComparer.Ordinal));
        Assert.All(original.Objects, o => Assert.Equal(YamlText.Write(o.Value.Content), YamlText.Write(again.Objects[o.Key].Content)));
    }

    [Fact]
    public void Elements_the_catalog_does_not_know_and_elements_pointing_nowhere_are_kept()
    {
        var xml = """
            <LisConfiguration xmlns="urn:schema:Microsoft.Rtc.Management.Lis.2010">
              <Location LocationId="a" Location="Lab" HouseNumber="1" StreetName="Main" City="Cork" State="C" Country="IE" />
              <Subnet Subnet="10.9.9.0" LocationId="a" />
              <Subnet Subnet="10.9.8.0" LocationId="gone" />
              <Civic Code="X1" Region="South" />
              <Beacon Major="7" LocationId="a" />
            </LisConfiguration>
            """;

        var snapshot = Snapshot(HostileExports.Zip(("LisConfiguration.xml", Encoding.UTF8.GetBytes(xml))));

        Assert.Equal("10.9.8.0", ((YMap)((YSeq)Location(snapshot, "lis/locations/(no location).yaml")["Subnets"]!).Items.Single()).Text("Subnet"));
        Assert.Contains("Region: South", YamlText.Write(snapshot.Objects["lis/other/Civic.yaml"].Content));
        Assert.Equal("7", ((YMap)((YSeq)Location(snapshot, "lis/locations/Lab, 1 Main, Cork, IE.yaml")["Beacons"]!).Items.Single()).Text("Major"));
    }

    [Fact]
    public void Two_locations_with_the_same_display_text_stay_apart()
    {
        var xml = """
            <LisConfiguration>
              <Location LocationId="a" Location="Lab" CompanyName="Contoso" HouseNumber="1" StreetName="Main" City="Cork" Country="IE" />
              <Location LocationId="b" Location="Lab" CompanyName="Fabrikam" HouseNumber="1" StreetName="Main" City="Cork" Country="IE" />
            </LisConfiguration>
            """;

        var snapshot = Snapshot(Encoding.UTF8.GetBytes(xml), "lis.xml");

        Assert.Equal(2, snapshot.Objects.Keys.Count(k => k.StartsWith("lis/locations/Lab, 1 Main, Cork, IE [", StringComparison.Ordinal)));
    }
}
