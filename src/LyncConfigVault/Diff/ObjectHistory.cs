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

    public IReadOnlyList<HistoryEntry> Of(VaultRepository vault, ObjectName name)
    {
        var entry = _locator.Entry(name);
        var entries = new List<HistoryEntry>();
        string? path = null;
        var seen = false;
        var snapshots = RevisionResolver.Snapshots(vault.Head).GetEnumerator();
        var current = snapshots.MoveNext() ? snapshots.Current : throw new LcvException("The vault holds no snapshot yet: run lcv ingest or lcv backup first.");
        path = _locator.Find(current, name);
        while (current is not null)
        {
            var previous = snapshots.MoveNext() ? snapshots.Current : null;
            path ??= _locator.Find(current, name) ?? (previous is null ? null : _locator.Find(previous, name));
            if (path is null)
            {
                current = previous;
                continue;
            }

            var now = current[path]?.Target as Blob;
            var before = previous?[path]?.Target as Blob;
            seen |= now is not null || before is not null;
            if (now?.Sha != before?.Sha)
            {
                var change = Change(vault, entry, path, current, previous, now, before);
                if (change is not null)
                {
                    entries.Add(new HistoryEntry(current.Sha, current.Author.When, change));
                    if (change.OldIdentity is not null)
                    {
                        path = VaultPaths.For(entry, LyncIdentity.Parse(change.OldIdentity));   // follow the rename back
                    }
                    else if (change.Kind == ObjectChangeKind.Added && previous is not null)
                    {
                        path = null;   // created here: an older object of the same name is another object, looked up afresh
                    }
                }
            }

            current = previous;
        }

        return seen ? entries : throw new LcvException($"{name} is not in any snapshot of this vault; lcv diff --noun {entry.Noun} lists the Identities it has.");
    }

    private ObjectChange? Change(VaultRepository vault, CatalogEntry entry, string path, Commit current, Commit? previous, Blob? now, Blob? before)
    {
        var area = entry.Area;
        if (now is not null && before is not null)
        {
            var old = Read(before, path);
            var @new = Read(now, path);
            var properties = _properties.Compare(entry.Noun, old, @new, NotCompared);
            return properties.Count == 0 ? null : new ObjectChange(area, entry.Noun, Identity(@new, path), ObjectChangeKind.Modified, properties, old, @new);
        }

        if (now is null)
        {
            var old = Read(before!, path);
            return new ObjectChange(area, entry.Noun, Identity(old, path), ObjectChangeKind.Removed, [], old, null);
        }

        var created = Read(now, path);
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
        var identity = Identity(Read((Blob)current[path].Target, path), path);
        return report.Changes.FirstOrDefault(c => c.Kind == ObjectChangeKind.Renamed && c.Noun == entry.Noun && c.Identity == identity);
    }

    private static IEnumerable<string> FolderFiles(Commit commit, string folder) =>
        commit[folder]?.Target is Tree tree ? VaultLayout.ObjectFiles(tree, folder).Keys : [];

    private static YMap Read(Blob blob, string path) => YamlText.Read(blob.GetContentText(), path);

    private static string Identity(YMap content, string path) => content.Text(ObjectFactory.IdentityKey) ?? path;
}
