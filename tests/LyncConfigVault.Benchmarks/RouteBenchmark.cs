using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Formats;
using LyncConfigVault.Insight;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Simulation;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// Routing (issue 9): 100,000 dialed numbers through a deployment grown to the given size, against
/// normalizing that deployment's export (the work every run already does) as the anchor.
/// </summary>
internal static class RouteBenchmark
{
    public static void Run(int objects, int runs)
    {
        var night = SyntheticNights.Generate(1, 1, objects).Single();
        var filter = NoiseFilter.FromCatalog(LyncCatalog.Default);
        ExportNormalizer.Result Normalize() =>
            new ExportNormalizer(LyncCatalog.Default, filter, SyntheticNights.ServerZone).Normalize(ExportArchive.FromBytes("CsConfiguration.zip", night.CmsArchive, ArchiveLimits.Default), night.ExportTime);
        var normalized = Normalize();
        Console.WriteLine($"== route: 100,000 numbers through {normalized.Objects.Count:N0} objects");
        var anchor = Median(runs, () => Normalize());
        Figure("anchor: normalize the deployment's export", anchor, anchor);
        var snapshot = new Snapshot(normalized.Objects.ToDictionary(o => o.Path, StringComparer.Ordinal), [normalized.Record], normalized.Parts);
        var router = new CallRouter(VoiceModel.From(new ExportObjectSource(snapshot, "bench")));
        var dialed = new[] { "1234", "0876543210", "00442079460000", "112", "99", "+31205550100" };
        Figure("route 100,000 numbers (Site:Dublin, Tag:VP-Dublin-Intl)", Median(runs, () =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                router.Route(dialed[i % dialed.Length], "Site:Dublin", "Tag:VP-Dublin-Intl");
            }
        }), anchor);

        // lcv diff --impact after a route change: both sides checked, test cases run, every policy probed.
        var changed = snapshot.Objects.ToDictionary(StringComparer.Ordinal);
        var route = changed["cms/voice/VoiceRoute/London-International.yaml"];
        var content = (YMap)route.Content.DeepCopy();
        ((YMap)content["Route"]!).Set("PstnGatewayList", new YSeq([new YScalar("PstnGateway:longw02.fabrikam.com")]));
        changed[route.Path] = route with { Content = content };
        var (from, to) = (new ExportObjectSource(snapshot, "before"), new ExportObjectSource(snapshot with { Objects = changed }, "after"));
        var report = new SnapshotDiffer(LyncCatalog.Default, filter).Compare(from, to);
        var policies = VoiceModel.From(from).VoicePolicies.Count;
        Figure($"diff --impact, one route changed, {policies:N0} voice policies", Median(runs, () =>
            new LyncConfigVault.Insight.Impact.ImpactAnalyzer(LyncCatalog.Default).Analyze(from, to, report, LyncConfigVault.Vault.VaultLayout.Parts)), anchor);
    }
}
