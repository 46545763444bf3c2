using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Diff;

/// <summary>
/// Compares two snapshots object by object, keyed by (Noun, Identity): added, removed, renamed or
/// modified, and inside a modified object what each property did. Objects kept in a priority order
/// of their own (voice routes) are compared as one ordered list, so inserting a route shows as one
/// added route, not as every later route changing priority.
/// </summary>
internal sealed class SnapshotDiffer(LyncCatalog catalog, NoiseFilter filter, double renameThreshold = SnapshotDiffer.DefaultRenameThreshold)
{
    public const double DefaultRenameThreshold = 0.8;

    /// <summary>The vault folders of objects kept in a priority order of their own (cms/voice/VoiceRoute).</summary>
    public IEnumerable<string> OrderedFolders => _orderedNouns.Select(n => catalog.ForNoun(n)?.Folder).OfType<string>();

    private static readonly HashSet<string> NotCompared = [ObjectFactory.IdentityKey, ObjectFactory.NounKey];
    private static readonly HashSet<string> NotComparedWhenOrdered = [ObjectFactory.IdentityKey, ObjectFactory.NounKey, ObjectFactory.PriorityKey];
    private static readonly HashSet<string> NotComparedWhenRenamed = [ObjectFactory.IdentityKey, ObjectFactory.NounKey, ObjectFactory.KeyKey, ObjectFactory.PriorityKey];

    private readonly PropertyDiffer _properties = new(catalog, filter);
    private readonly HashSet<string> _orderedNouns = catalog.Entries.SelectMany(e => e.Splits).Where(s => s.Ordered).Select(s => s.Noun).ToHashSet(StringComparer.Ordinal);

    /// <param name="parts">The vault folders to compare (cms, topology …); all when null.</param>
    public DiffReport Compare(ObjectSource from, ObjectSource to, IReadOnlyCollection<string>? parts = null)
    {
        var inParts = parts ?? VaultLayout.Parts;
        var (removedPaths, addedPaths, modifiedPaths) = ChangedPaths(from, to, inParts);
        ReadAll(from, removedPaths.Concat(modifiedPaths));
        ReadAll(to, addedPaths.Concat(modifiedPaths));

        var changes = new List<ObjectChange>();
        var reordered = new Dictionary<string, PropertyChange>(StringComparer.Ordinal);
        var changed = removedPaths.Concat(addedPaths).Concat(modifiedPaths).ToList();
        foreach (var noun in _orderedNouns.Where(n => catalog.ForNoun(n) is { } e && inParts.Any(p => e.Folder.StartsWith(p + "/", StringComparison.Ordinal))))
        {
            var folder = catalog.ForNoun(noun)!.Folder + "/";
            if (!changed.Exists(p => p.StartsWith(folder, StringComparison.Ordinal)))
            {
                continue;   // no file of the list changed: every Priority is where it was, nothing moved
            }

            foreach (var (path, move) in PriorityMoves(from, to, noun))
            {
                reordered[path] = move;
            }
        }

        var compared = modifiedPaths.Concat(reordered.Keys.Except(modifiedPaths)).ToList();
        changes.AddRange(OnEveryCore(compared, path => Modified(from, to, path, reordered.GetValueOrDefault(path))).OfType<ObjectChange>());

        var removed = removedPaths.Select(p => Candidate(from, p)).ToList();
        var added = addedPaths.Select(p => Candidate(to, p)).ToList();
        changes.AddRange(MovedFiles(removed, added));
        foreach (var rename in new RenameDetector(filter, renameThreshold).Pair(removed, added))
        {
            removed.Remove(rename.Removed);
            added.Remove(rename.Added);
            changes.Add(Renamed(rename));
        }

        changes.AddRange(removed.Select(r => new ObjectChange(AreaOf(r.Noun), r.Noun, r.Identity, ObjectChangeKind.Removed, [], r.Content, null)));
        changes.AddRange(added.Select(a => new ObjectChange(AreaOf(a.Noun), a.Noun, a.Identity, ObjectChangeKind.Added, [], null, a.Content)));
        var ordered = new MoveDetector(catalog, _properties).Apply(changes)
            .OrderBy(c => c.Area, StringComparer.Ordinal)
            .ThenBy(c => c.Noun, StringComparer.Ordinal)
            .ThenBy(c => c.Identity, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new DiffReport(from.Side, to.Side, ordered);
    }

    private ObjectChange? Modified(ObjectSource from, ObjectSource to, string path, PropertyChange? move)
    {
        var before = from.Read(path);
        var after = to.Read(path);
        var noun = NounOf(after, path);
        var properties = _properties.Compare(noun, before, after, _orderedNouns.Contains(noun) ? NotComparedWhenOrdered : NotCompared);
        if (move is not null)
        {
            properties.Insert(0, move);
        }

        // How lcv keys the object (Key.Name, Key.TagId) follows from its Identity: a change there is news
        // only when nothing else changed.
        if (properties.Exists(p => !IsKeyPath(p.Path)))
        {
            properties.RemoveAll(p => IsKeyPath(p.Path));
        }

        return properties.Count > 0 ? new ObjectChange(AreaOf(noun), noun, IdentityOf(after, path), ObjectChangeKind.Modified, properties, before, after) : null;
    }

    /// <summary>
    /// <paramref name="compare"/> of each path, in the order given. Many paths (two export files hold no equal
    /// ids, so every object is compared) are shared out over the cores; a few are compared where they are.
    /// </summary>
    private static List<ObjectChange?> OnEveryCore(List<string> paths, Func<string, ObjectChange?> compare)
    {
        if (paths.Count < 512)
        {
            return paths.Select(compare).ToList();
        }

        var results = new ObjectChange?[paths.Count];
        try
        {
            Parallel.For(0, paths.Count, i => results[i] = compare(paths[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);   // the one failure, as a single-core loop throws it
        }

        return [.. results];
    }

    /// <summary>
    /// The same object (noun and Identity) filed at another path, as an older lcv filed some (a SQL instance as
    /// lonsql01.fabrikam.com%5Crtc.yaml): compared as one object, taken out of the removed and added lists.
    /// </summary>
    private List<ObjectChange> MovedFiles(List<RenameDetector.Candidate> removed, List<RenameDetector.Candidate> added)
    {
        var changes = new List<ObjectChange>();
        var gone = new Dictionary<(string, string), RenameDetector.Candidate>();
        foreach (var candidate in removed)
        {
            gone.TryAdd((candidate.Noun, LyncIdentity.Current(candidate.Identity)), candidate);
        }

        foreach (var arrived in added.ToList())
        {
            if (!gone.Remove((arrived.Noun, LyncIdentity.Current(arrived.Identity)), out var old))
            {
                continue;
            }

            removed.Remove(old);
            added.Remove(arrived);
            var properties = _properties.Compare(arrived.Noun, old.Content, arrived.Content, NotCompared);
            if (properties.Count > 0)
            {
                changes.Add(new ObjectChange(AreaOf(arrived.Noun), arrived.Noun, arrived.Identity, ObjectChangeKind.Modified, properties, old.Content, arrived.Content));
            }
        }

        return changes;
    }

    private static bool IsKeyPath(string path) =>
        path == ObjectFactory.KeyKey || path.StartsWith(ObjectFactory.KeyKey + ".", StringComparison.Ordinal);

    private ObjectChange Renamed(RenameDetector.Rename rename)
    {
        var oldName = LyncIdentity.Parse(rename.Removed.Identity).Name;
        var newName = LyncIdentity.Parse(rename.Added.Identity).Name;
        var properties = _properties.Compare(rename.Added.Noun, rename.Removed.Content, rename.Added.Content, NotComparedWhenRenamed)
            .Where(p => !(p.Kind == PropertyChangeKind.Changed && p.Old is YScalar o && o.Text == oldName && p.New is YScalar n && n.Text == newName))
            .ToList();
        return new ObjectChange(AreaOf(rename.Added.Noun), rename.Added.Noun, rename.Added.Identity, ObjectChangeKind.Renamed, properties, rename.Removed.Content, rename.Added.Content)
        {
            OldIdentity = rename.Removed.Identity,
            Similarity = rename.Similarity,
        };
    }

    /// <summary>
    /// Objects whose relative order changed, by the minimal edit script over the Identities both sides
    /// have: a route that moved up is one move; the routes it passed are not "changed priority".
    /// </summary>
    private IEnumerable<(string Path, PropertyChange Move)> PriorityMoves(ObjectSource from, ObjectSource to, string noun)
    {
        if (catalog.ForNoun(noun) is not { } entry)
        {
            yield break;
        }

        var prefix = entry.Folder + "/";
        var before = Sequence(from, prefix);
        var after = Sequence(to, prefix);
        if (before.Count == 0 || after.Count == 0)
        {
            yield break;
        }

        var afterPaths = after.ToDictionary(a => a.Path, a => a.Priority, StringComparer.Ordinal);
        var beforePaths = before.Select(b => b.Path).ToHashSet(StringComparer.Ordinal);
        var common = before.Where(b => afterPaths.ContainsKey(b.Path)).ToList();
        var reordered = after.Where(a => beforePaths.Contains(a.Path)).ToList();
        var edit = ListEditScript.Between(common.Select(c => c.Path).ToList(), reordered.Select(c => c.Path).ToList());
        var order = new ListOrder(before.Select(b => b.Identity).ToList(), after.Select(a => a.Identity).ToList());
        foreach (var index in edit.Removed)
        {
            var (path, identity, oldPriority) = common[index];
            var newPriority = afterPaths[path];
            var value = new YScalar(identity);
            yield return (path, new PropertyChange(ObjectFactory.PriorityKey, PropertyChangeKind.Moved, value, value) { From = oldPriority, To = newPriority, Order = order });
        }
    }

    private static List<(string Path, string Identity, int Priority)> Sequence(ObjectSource source, string prefix)
    {
        var paths = source.FilesUnder(prefix.TrimEnd('/')).ToList();
        ReadAll(source, paths);
        return paths
            .Select(p => (Path: p, Content: source.Read(p)))
            .Select(o => (o.Path, IdentityOf(o.Content, o.Path), int.TryParse(o.Content.Text(ObjectFactory.PriorityKey), out var priority) ? priority : int.MaxValue))
            .OrderBy(o => o.Item3)
            .ThenBy(o => o.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static (List<string> Removed, List<string> Added, List<string> Modified) ChangedPaths(ObjectSource from, ObjectSource to, IReadOnlyCollection<string> parts)
    {
        var (removed, added, modified) = AllChangedPaths(from, to);
        bool InParts(string path) => parts.Any(p => path.StartsWith(p + "/", StringComparison.Ordinal));
        return (removed.Where(InParts).ToList(), added.Where(InParts).ToList(), modified.Where(InParts).ToList());
    }

    private static (List<string> Removed, List<string> Added, List<string> Modified) AllChangedPaths(ObjectSource from, ObjectSource to)
    {
        if (from is GitObjectSource a && to is GitObjectSource b && a.Git == b.Git)
        {
            // libgit2 compares the two trees natively and skips every unchanged folder by its id.
            var changes = a.Git.Diff.Compare<TreeChanges>(a.Commit.Tree, b.Commit.Tree, VaultLayout.Parts.Select(p => p + "/"));
            foreach (var change in changes)
            {
                if (change.Status is not ChangeKind.Added)
                {
                    a.Know(change.OldPath, change.OldOid.Sha);
                }

                if (change.Status is not ChangeKind.Deleted)
                {
                    b.Know(change.Path, change.Oid.Sha);
                }
            }

            return (
                changes.Deleted.Select(c => c.OldPath).Concat(changes.Renamed.Select(c => c.OldPath)).ToList(),
                changes.Added.Select(c => c.Path).Concat(changes.Renamed.Select(c => c.Path)).ToList(),
                changes.Modified.Select(c => c.Path).ToList());
        }

        var before = from.Files;
        var after = to.Files;
        return (
            before.Keys.Where(p => !after.ContainsKey(p)).ToList(),
            after.Keys.Where(p => !before.ContainsKey(p)).ToList(),
            before.Where(f => after.TryGetValue(f.Key, out var id) && id != f.Value).Select(f => f.Key).ToList());
    }

    /// <summary>Parses the files on both cores before they are compared one by one.</summary>
    private static void ReadAll(ObjectSource source, IEnumerable<string> paths) =>
        source.ReadMany(paths);

    private RenameDetector.Candidate Candidate(ObjectSource source, string path)
    {
        var content = source.Read(path);
        return new RenameDetector.Candidate(NounOf(content, path), IdentityOf(content, path), content);
    }

    private string AreaOf(string noun) => catalog.ForNoun(noun)?.Area ?? "other";

    private static string NounOf(YMap content, string path) => content.Text(ObjectFactory.NounKey) ?? path.Split('/')[^2];

    private static string IdentityOf(YMap content, string path) => content.Text(ObjectFactory.IdentityKey) ?? Path.GetFileNameWithoutExtension(path);
}
