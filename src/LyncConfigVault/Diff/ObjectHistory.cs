using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Diff;

/// <summary>
/// Every change to one object, newest first: the snapshots are walked back from HEAD comparing only
/// that object's blob id, so years of nightly commits cost one tree lookup each; only the snapshots
/// where the blob changed are parsed. A rename is followed back to the object's old Identity.
/// </summary>
internal sealed class ObjectHistory(LyncCatalog catalog, NoiseFilter filter)
{
    private static readonly HashSet<string> NotCompared = [ObjectFactory.IdentityKey, ObjectFactory.NounKey];

    private readonly PropertyDiffer _properties = new(catalog, filter);
    private readonly ObjectLocator _locator = new(catalog);
    private readonly Dictionary<ObjectId, YMap> _parsed = [];

    public IReadOnlyList<HistoryEntry> Of(VaultRepository vault, ObjectName name)
    {
        var entry = _locator.Entry(name);
        var snapshots = RevisionResolver.Snapshots(vault.Head).ToList();
        if (snapshots.Count == 0)
        {
            throw new LcvException("The vault holds no snapshot yet: run lcv ingest or lcv backup first.");
        }

        // Case-insensitive lookup once, at the newest snapshot that has the object; the catalog's path otherwise.
        var path = snapshots.Select(s => _locator.Find(s, name)).FirstOrDefault(p => p is not null) ?? _locator.PathOf(name);
        var commits = snapshots.Select(c => c.Id).ToList();
        var blobs = BlobIds.Along(vault.Git.Info.Path, commits, path);
        var entries = new List<HistoryEntry>();
        var seen = false;
        for (var i = 0; i < snapshots.Count; i++)
        {
            var current = snapshots[i];
            var previous = i + 1 < snapshots.Count ? snapshots[i + 1] : null;
            var now = blobs[i];
            var before = previous is null ? null : blobs[i + 1];
            seen |= now is not null || before is not null;
            if (now == before || Change(vault, entry, path, current, previous, now, before) is not { } change)
            {
                continue;
            }

            entries.Add(new HistoryEntry(current.Sha, current.Author.When, change));
            if (change.OldIdentity is not null)
            {
                path = VaultPaths.For(entry, LyncIdentity.Parse(change.OldIdentity));   // follow the rename back
                blobs = BlobIds.Along(vault.Git.Info.Path, commits, path);
            }
        }

        return seen ? entries : throw new LcvException($"{name} is not in any snapshot of this vault; lcv diff --noun {entry.Noun} lists the Identities it has.");
    }

    private ObjectChange? Change(VaultRepository vault, CatalogEntry entry, string path, Commit current, Commit? previous, ObjectId? now, ObjectId? before)
    {
        var area = entry.Area;
        if (now is not null && before is not null)
        {
            var old = Read(vault, before, path);
            var @new = Read(vault, now, path);
            var properties = _properties.Compare(entry.Noun, old, @new, NotCompared);
            return properties.Count == 0 ? null : new ObjectChange(area, entry.Noun, Identity(@new, path), ObjectChangeKind.Modified, properties, old, @new);
        }

        if (now is null)
        {
            var old = Read(vault, before!, path);
            return new ObjectChange(area, entry.Noun, Identity(old, path), ObjectChangeKind.Removed, [], old, null);
        }

        var created = Read(vault, now, path);
        if (previous is not null && RenamedInto(vault, entry, path, current, previous) is { } renamed)
        {
            return renamed;
        }

        return new ObjectChange(area, entry.Noun, Identity(created, path), ObjectChangeKind.Added, [], null, created);
    }

    /// <summary>Whether the object appeared here because another of its noun was renamed into it: the folder is compared once.</summary>
    private ObjectChange? RenamedInto(VaultRepository vault, CatalogEntry entry, string path, Commit current, Commit previous)
    {
        var folder = entry.Folder;
        var paths = FolderFiles(current, folder).Concat(FolderFiles(previous, folder)).ToHashSet(StringComparer.Ordinal);
        var report = new SnapshotDiffer(catalog, filter).Compare(
            new GitObjectSource(vault.Git, previous, previous.Sha, paths),
            new GitObjectSource(vault.Git, current, current.Sha, paths));
        var identity = Identity(Read(vault, current[path].Target.Id, path), path);
        return report.Changes.FirstOrDefault(c => c.Kind == ObjectChangeKind.Renamed && c.Noun == entry.Noun && c.Identity == identity);
    }

    private static IEnumerable<string> FolderFiles(Commit commit, string folder) =>
        commit[folder]?.Target is Tree tree ? VaultLayout.ObjectFiles(tree, folder).Keys : [];

    // Each version is the "after" of one change and the "before" of the next: read and parsed once.
    private YMap Read(VaultRepository vault, ObjectId blob, string path)
    {
        if (!_parsed.TryGetValue(blob, out var content))
        {
            content = ObjectFile.Read(vault.Git.Lookup<Blob>(blob).GetContentText(), path, catalog);
            _parsed[blob] = content;
        }

        return content;
    }

    private static string Identity(YMap content, string path) => content.Text(ObjectFactory.IdentityKey) ?? path;
}
