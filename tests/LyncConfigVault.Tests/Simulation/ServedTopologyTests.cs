using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Normalize;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests.Simulation;

/// <summary>The simulated server reads its topology on its own; lcv's normalizer, reading the same archive, must agree with it.</summary>
public sealed class ServedTopologyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void The_simulator_and_the_normalizer_name_the_same_services_and_sites(int nights)
    {
        var night = SyntheticNights.Generate(3, nights).Last();
        var served = ServedTopology.FromArchive(night.CmsArchive);
        var normalized = new ExportNormalizer(LyncCatalog.Default, NoiseFilter.FromCatalog(LyncCatalog.Default), SyntheticNights.ServerZone)
            .Normalize(ExportArchive.FromBytes("CsConfiguration.zip", night.CmsArchive, ArchiveLimits.Default), DateTimeOffset.UnixEpoch).Objects;

        Assert.Equal(
            normalized.Where(o => o.Noun == "Service").Select(o => o.Identity.Name!).Order(StringComparer.Ordinal),
            served.ServiceLines().Select(l => l.Split('\t')[0]));
        Assert.Equal(
            normalized.Where(o => o.Noun == "Site").Select(o => o.Identity.Name!).Order(StringComparer.Ordinal),
            served.SiteLines().Select(l => l.Split('\t')[1]).Order(StringComparer.Ordinal));
        Assert.Contains(served.ServiceLines(), l => l.StartsWith("EdgeServer:", StringComparison.Ordinal));   // the Edge pool the export adds
    }
}
