using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Insight;

/// <summary>What the insight readers take from a snapshot the same way: the objects of one folder, their settings, the topology's site names.</summary>
internal static class SnapshotObjects
{
    public static IEnumerable<YMap> Under(ObjectSource source, string folder) =>
        source.ReadMany(source.FilesUnder(folder).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)));

    public static YMap Setting(YMap content) => ObjectFactory.Setting(content).Value as YMap ?? new YMap();

    /// <summary>Topology SiteId → the site's name (1 → Dublin).</summary>
    public static Dictionary<string, string> SiteNames(ObjectSource source) =>
        Under(source, LyncCatalog.Default.Playing(ObjectRole.Site).Folder).Select(Setting).Where(s => s.Text("SiteId") is not null && s.Text("Name") is not null)
            .GroupBy(s => s.Text("SiteId")!).ToDictionary(g => g.Key, g => g.First().Text("Name")!);
}
