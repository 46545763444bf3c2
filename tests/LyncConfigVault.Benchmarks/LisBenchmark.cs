using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Normalize;
using LyncConfigVault.Simulation;
using LyncConfigVault.Simulation.Lis;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// LIS (issue 5): normalizing an E9-1-1 export with tens of thousands of ports, and comparing two of
/// them, against a bare XmlReader pass over the same XML as the anchor.
/// </summary>
internal static class LisBenchmark
{
    public static void Run(int runs, string work)
    {
        var lis = new SyntheticLis(new Random(1), portsPerSwitch: 2_000).Populate();
        var archive = lis.Archive(DateTimeOffset.Now, shuffle: false);
        var ports = lis.Elements.Count(e => e.Kind == "Port");
        Console.WriteLine($"== lis: Export-CsLisConfiguration with {lis.Locations.Count} locations and {ports:N0} ports");
        var xml = ExportArchive.FromBytes("E911Config.zip", archive, ArchiveLimits.Default).Entry("LisConfiguration.xml")!;
        var anchor = Median(runs, () => BareXmlReaderPass(xml));
        Figure("anchor: one XmlReader pass over LisConfiguration.xml", anchor, anchor);
        var filter = NoiseFilter.FromCatalog(LyncCatalog.Default);
        Figure("normalize into location files", Median(runs, () =>
            new ExportNormalizer(LyncCatalog.Default, filter, SyntheticNights.ServerZone).Normalize(ExportArchive.FromBytes("E911Config.zip", archive, ArchiveLimits.Default), DateTimeOffset.Now)), anchor);
    }
}
