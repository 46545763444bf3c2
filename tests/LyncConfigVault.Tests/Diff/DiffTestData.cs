using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests.Diff;

/// <summary>Generated nights normalized in memory, edited the way an admin would, and compared.</summary>
internal static class DiffTestData
{
    private static readonly Lazy<List<SyntheticNight>> Generated = new(() => SyntheticNights.Generate(1, 7).ToList());

    public static IReadOnlyList<SyntheticNight> Nights => Generated.Value;

    public static Snapshot Night(int number)
    {
        var night = Nights[number - 1];
        var result = new ExportNormalizer(LyncCatalog.Default, TestData.Filter, SyntheticNights.ServerZone)
            .Normalize(ExportArchive.FromBytes("CsConfiguration.zip", night.CmsArchive, ArchiveLimits.Default), night.ExportTime);
        return new Snapshot(result.Objects.ToDictionary(o => o.Path, StringComparer.Ordinal), [result.Record], result.Parts);
    }

    /// <summary>A copy of the snapshot with one object's file edited.</summary>
    public static Snapshot Edit(Snapshot snapshot, string path, Action<YMap> edit)
    {
        var objects = snapshot.Objects.ToDictionary(StringComparer.Ordinal);
        var copy = (YMap)objects[path].Content.DeepCopy();
        edit(copy);
        objects[path] = objects[path] with { Content = copy };
        return snapshot with { Objects = objects };
    }

    /// <summary>A copy with one object moved to a new Identity (and file), as Lync shows a renamed Tag policy.</summary>
    public static Snapshot Rename(Snapshot snapshot, string path, string newName, Action<YMap>? alsoEdit = null)
    {
        var objects = snapshot.Objects.ToDictionary(StringComparer.Ordinal);
        var old = objects[path];
        objects.Remove(path);
        var content = (YMap)old.Content.DeepCopy();
        var identity = new LyncIdentity(old.Identity.Scope, newName);
        content.Set(ObjectFactory.IdentityKey, new YScalar(identity.ToString()));
        ((YMap)content[ObjectFactory.KeyKey]!).Set("Name", new YScalar(newName));
        alsoEdit?.Invoke(content);
        var newPath = VaultPaths.For(LyncCatalog.Default.Noun(old.Noun), identity);
        objects[newPath] = old with { Identity = identity, Path = newPath, Content = content };
        return snapshot with { Objects = objects };
    }

    public static DiffReport Compare(Snapshot before, Snapshot after, double renameThreshold = SnapshotDiffer.DefaultRenameThreshold) =>
        new SnapshotDiffer(LyncCatalog.Default, TestData.Filter, renameThreshold).Compare(new ExportObjectSource(before, "before"), new ExportObjectSource(after, "after"));

    public static YMap Setting(YMap content, string element) => (YMap)content[element]!;

    public static YSeq List(YMap content, string element, string list) => (YSeq)Setting(content, element)[list]!;
}
