using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests.Diff;

/// <summary>The store's fingerprint and the diff's property differ share one definition of a change: they never disagree.</summary>
public sealed class ChangeAgreementTests
{
    private static readonly HashSet<string> NotCompared = [ObjectFactory.IdentityKey, ObjectFactory.NounKey];

    [Fact]
    public void Over_nights_of_changes_and_re_export_noise_equal_fingerprints_are_exactly_the_objects_without_a_change()
    {
        var fingerprint = new SemanticFingerprint(LyncCatalog.Default, TestData.Filter);
        var differ = new PropertyDiffer(LyncCatalog.Default, TestData.Filter);
        var nights = SyntheticNights.Generate(2, 6, parts: SyntheticParts.All).Select(Objects).ToList();
        var (same, changed) = (0, 0);
        foreach (var (before, after) in nights.Zip(nights.Skip(1)))
        {
            foreach (var path in before.Keys.Intersect(after.Keys))
            {
                var noun = after[path].Noun;
                var equal = fingerprint.Of(before[path].Content) == fingerprint.Of(after[path].Content);
                var differences = differ.Compare(noun, before[path].Content, after[path].Content, NotCompared);
                Assert.True(equal == (differences.Count == 0), $"{path}: fingerprints {(equal ? "equal" : "differ")}, the differ found {string.Join(", ", differences.Select(d => $"{d.Kind} {d.Path}"))}");
                (same, changed) = equal ? (same + 1, changed) : (same, changed + 1);
            }
        }

        Assert.True(same > 1000 && changed > 5, $"{same} unchanged, {changed} changed: the nights must hold both");
    }

    [Fact]
    public void A_set_entry_that_differs_only_in_a_volatile_value_is_no_change_to_either()
    {
        var filter = new NoiseFilter([.. TestData.Filter.Rules, new NoiseRule(NoiseKind.Volatile, "Widget", "Widget.Parts.Stamp", "a test's re-export noise")]);
        YMap Widget(string stamp) => new YMap().Add(ObjectFactory.IdentityKey, "Global").Add(ObjectFactory.NounKey, "Widget")
            .Add("Widget", new YMap().Add("Parts", new YSeq([new YMap().Add("Name", "a").Add("Stamp", stamp), new YMap().Add("Name", "b").Add("Stamp", stamp)])));

        var (before, after) = (Widget("1"), Widget("2"));

        Assert.Equal(new SemanticFingerprint(LyncCatalog.Default, filter).Of(before), new SemanticFingerprint(LyncCatalog.Default, filter).Of(after));
        Assert.Empty(new PropertyDiffer(LyncCatalog.Default, filter).Compare("Widget", before, after, NotCompared));
    }

    private static Dictionary<string, LyncObject> Objects(SyntheticNight night)
    {
        var normalizer = new ExportNormalizer(LyncCatalog.Default, TestData.Filter, SyntheticNights.ServerZone);
        var files = night.Others.Select(o => (o.FileName, o.Bytes)).Prepend(("CsConfiguration.zip", night.CmsArchive));
        return files.SelectMany(f => normalizer.Normalize(ExportArchive.FromBytes(f.Item1, f.Item2, ArchiveLimits.Default), night.ExportTime).Objects)
            .ToDictionary(o => o.Path, StringComparer.Ordinal);
    }
}
