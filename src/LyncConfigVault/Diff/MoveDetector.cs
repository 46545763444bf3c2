using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Diff;

/// <summary>
/// An entry of a keyed list that left one object and arrived in another of the same noun is one move,
/// not a removal here and an addition there: "LisSubnet 10.1.2.0: Location Dublin 2F → Dublin 3F".
/// The list's element is named by the catalog row whose Folder is the list (LisSubnet for Subnets).
/// </summary>
internal sealed class MoveDetector(LyncCatalog catalog, PropertyDiffer properties)
{
    public const string ContainerKey = "Location";

    public List<ObjectChange> Apply(List<ObjectChange> changes)
    {
        var removed = Entries(changes, PropertyChangeKind.Removed);
        var added = Entries(changes, PropertyChangeKind.Added);
        var moved = new HashSet<PropertyChange>();
        var moves = new List<ObjectChange>();
        foreach (var (key, from) in removed)
        {
            if (!added.TryGetValue(key, out var to) || from.Change.Noun != to.Change.Noun || from.Change == to.Change)
            {
                continue;
            }

            var element = catalog.Entries.FirstOrDefault(e => e.SplitOut && e.Part == catalog.ForNoun(from.Change.Noun)?.Part && e.Folder == key.List);
            if (element is null)
            {
                continue;
            }

            var old = Content(element.Noun, key.Key, from.Change.Identity, (YMap)from.Property.Old!);
            var @new = Content(element.Noun, key.Key, to.Change.Identity, (YMap)to.Property.New!);
            var differences = properties.Compare(element.Noun, old, @new, new HashSet<string> { ObjectFactory.IdentityKey, ObjectFactory.NounKey });
            moves.Add(new ObjectChange(from.Change.Area, element.Noun, key.Key, ObjectChangeKind.Modified, differences, old, @new));
            moved.Add(from.Property);
            moved.Add(to.Property);
        }

        if (moves.Count == 0)
        {
            return changes;
        }

        var kept = changes
            .Select(c => c.Properties.Any(moved.Contains) ? c with { Properties = c.Properties.Where(p => !moved.Contains(p)).ToList() } : c)
            .Where(c => c.Kind != ObjectChangeKind.Modified || c.Properties.Count > 0);
        return kept.Concat(moves).ToList();
    }

    /// <summary>(list, key) → the object and the property change of each keyed-list entry added or removed, when it is the only one.</summary>
    private static Dictionary<(string List, string Key), (ObjectChange Change, PropertyChange Property)> Entries(List<ObjectChange> changes, PropertyChangeKind kind)
    {
        var entries = new Dictionary<(string List, string Key), (ObjectChange Change, PropertyChange Property)>();
        var ambiguous = new HashSet<(string, string)>();
        foreach (var change in changes.Where(c => c.Kind == ObjectChangeKind.Modified))
        {
            foreach (var property in change.Properties.Where(p => p.Kind == kind && (p.Old ?? p.New) is YMap))
            {
                // Subnets[Subnet=10.1.2.0]: a keyed entry at the top of the setting.
                var open = property.Path.IndexOf('[');
                var equals = property.Path.IndexOf('=', Math.Max(open, 0));
                if (open <= 0 || equals < 0 || !property.Path.EndsWith(']') || property.Path.IndexOf('.') is var dot && dot >= 0 && dot < open)
                {
                    continue;
                }

                var key = (property.Path[..open], property.Path[(equals + 1)..^1]);
                if (!entries.TryAdd(key, (change, property)))
                {
                    ambiguous.Add(key);
                }
            }
        }

        foreach (var key in ambiguous)
        {
            entries.Remove(key);
        }

        return entries;
    }

    private static YMap Content(string noun, string key, string container, YMap entry)
    {
        var setting = new YMap().Add(ContainerKey, container);
        foreach (var (name, value) in entry.Entries)
        {
            setting.Add(name, value);
        }

        return new YMap().Add(ObjectFactory.IdentityKey, key).Add(ObjectFactory.NounKey, noun).Add(noun, setting);
    }
}
