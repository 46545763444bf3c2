using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Simulation;
using LyncConfigVault.Simulation.Rgs;

namespace LyncConfigVault.Tests.Rgs;

/// <summary>The generator's Dublin Response Groups, written with any noise, normalized into a snapshot.</summary>
internal static class RgsTestData
{
    public const string Pool = "dubpool01.fabrikam.com";
    public const string Folder = "rgs/dubpool01.fabrikam.com";
    public static readonly DateTimeOffset ExportTime = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public static SyntheticRgsPool Dublin(int seed = 3) => RgsFactory.Create("fabrikam.com", new Random(seed))[0];

    public static byte[] Archive(SyntheticRgsPool pool, RgsNoise? noise = null, int seed = 5) =>
        RgsExportWriter.Write(pool, noise ?? RgsNoise.None, new Random(seed), ExportTime);

    public static Snapshot Snapshot(byte[] archive, string name = "RgsConfig-dubpool01.zip")
    {
        var result = new ExportNormalizer(LyncCatalog.Default, TestData.Filter, SyntheticNights.ServerZone)
            .Normalize(ExportArchive.FromBytes(name, archive, ArchiveLimits.Default), ExportTime);
        return new Snapshot(result.Objects.ToDictionary(o => o.Path, StringComparer.Ordinal), [result.Record], result.Parts) { Blobs = result.Blobs };
    }

    public static YMap Setting(Snapshot snapshot, string relative) =>
        (YMap)ObjectFactory.Setting(snapshot.Objects[$"{Folder}/{relative}"].Content).Value;
}
