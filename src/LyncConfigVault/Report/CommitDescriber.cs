using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Report;

/// <summary>
/// Tells a new snapshot's commit message what changed, with the diff engine: renames as renames,
/// and a line per property. Only the files the store found changed are compared (plus the voice
/// routes, whose priorities compare as one list), so a nightly run of 20,000 objects stays quick.
/// </summary>
internal sealed class CommitDescriber(LyncCatalog catalog, NoiseFilter filter) : IChangeDescriber
{
    private readonly SnapshotDiffer _differ = new(catalog, filter);

    /// <summary>What an ingesting command hands the vault: a describer for the vault's own noise rules.</summary>
    public static Func<NoiseFilter, IChangeDescriber> Factory(LyncCatalog catalog) => filter => new CommitDescriber(catalog, filter);

    public IReadOnlyList<DescribedChange> Describe(Commit head, Snapshot snapshot, IReadOnlyCollection<string> changedPaths)
    {
        var paths = changedPaths.ToHashSet(StringComparer.Ordinal);
        // A list in priority order (voice routes) is read whole only when one of its files changed: only then can anything have moved.
        foreach (var folder in _differ.OrderedFolders.Where(f => paths.Any(p => p.StartsWith(f + "/", StringComparison.Ordinal))))
        {
            paths.UnionWith(snapshot.Objects.Keys.Where(p => p.StartsWith(folder + "/", StringComparison.Ordinal)));
            if (head[folder]?.Target is Tree tree)
            {
                paths.UnionWith(tree.Where(e => e.TargetType == TreeEntryTargetType.Blob).Select(e => $"{folder}/{e.Name}"));
            }
        }

        var git = ((IBelongToARepository)head).Repository;
        var report = _differ.Compare(new GitObjectSource(git, head, "HEAD", paths), new ExportObjectSource(snapshot, "new", paths), snapshot.Parts);
        return report.Changes.Select(Describe).ToList();
    }

    private static DescribedChange Describe(ObjectChange change) => new(
        change.Area,
        change.Kind == ObjectChangeKind.Modified ? "changed" : JsonReportWriter.Word(change.Kind),
        change.OldIdentity is null ? change.DisplayName : $"{change.Noun} {change.OldIdentity} → {change.Identity}",
        ValueText.Shown(change.Properties).Select(p => $"{p.Path}: {ValueText.Describe(p)}").ToList());
}
