using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;

namespace LyncConfigVault.Insight.Impact;

/// <summary>
/// The changes of one diff found by noun and Identity (old or new, case-insensitive, as Lync compares
/// them), so a consequence can be pinned on the change that caused it; what pins nowhere is overall.
/// </summary>
internal sealed class ChangeIndex
{
    private readonly Dictionary<string, ObjectChange> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<ImpactNote>> _notes = new(StringComparer.Ordinal);
    private readonly List<ImpactNote> _overall = [];

    private readonly LyncCatalog _catalog;

    public ChangeIndex(LyncCatalog catalog, IEnumerable<ObjectChange> changes)
    {
        _catalog = catalog;
        foreach (var change in changes)
        {
            _byName[$"{change.Noun} {change.Identity}"] = change;
            if (change.OldIdentity is { } old)
            {
                _byName.TryAdd($"{change.Noun} {old}", change);
            }
        }
    }

    public IEnumerable<ObjectChange> Changes => _byName.Values.Distinct();

    public ObjectChange? Find(string noun, string? identity) =>
        identity is not null && _byName.TryGetValue($"{noun} {identity}", out var change) ? change : null;

    /// <summary>The change of the object of the type that plays <paramref name="role"/> (the voice policy, the route …) with this Identity.</summary>
    public ObjectChange? Find(ObjectRole role, string? identity) => Find(_catalog.Playing(role).Noun, identity);

    /// <summary>
    /// The change of the object whose list defines names of <paramref name="noun"/> (PstnUsages Global for a PSTN usage):
    /// a name taken out of that list is gone with it.
    /// </summary>
    public ObjectChange? DefinerOf(string noun) => _catalog.DefinerOf(noun) is { } definer ? Find(definer.Noun, "Global") : null;

    /// <summary>The role <paramref name="noun"/> plays; None for most.</summary>
    public ObjectRole RoleOf(string noun) => _catalog.RoleOf(noun);

    /// <summary>Whether <paramref name="noun"/>'s names are entries of another object's list (a PSTN usage), not objects of their own.</summary>
    public bool IsDefinedName(string noun) => _catalog.DefinerOf(noun) is not null;

    /// <summary>Whether the changed object's type plays <paramref name="role"/>.</summary>
    public bool Plays(ObjectChange change, ObjectRole role) => _catalog.RoleOf(change.Noun) == role;

    /// <summary>Pins a note on the first change given that exists, else on the diff as a whole; never twice.</summary>
    public void Add(ImpactNote note, params ObjectChange?[] candidates)
    {
        var owner = candidates.FirstOrDefault(c => c is not null);
        AddTo(owner, note);
    }

    /// <summary>Pins a note on every change given (a test case that several changes touch), or overall when none.</summary>
    public void AddToEach(ImpactNote note, IEnumerable<ObjectChange?> owners)
    {
        var distinct = owners.OfType<ObjectChange>().Distinct().ToList();
        if (distinct.Count == 0)
        {
            AddTo(null, note);
        }

        foreach (var owner in distinct)
        {
            AddTo(owner, note);
        }
    }

    public DiffImpact Result() =>
        new(_notes.ToDictionary(e => e.Key, e => (IReadOnlyList<ImpactNote>)e.Value, StringComparer.Ordinal), _overall);

    private void AddTo(ObjectChange? owner, ImpactNote note)
    {
        var list = owner is null ? _overall : _notes.TryGetValue(DiffImpact.Key(owner), out var notes) ? notes : _notes[DiffImpact.Key(owner)] = [];
        if (!list.Contains(note))
        {
            list.Add(note);
        }
    }
}
