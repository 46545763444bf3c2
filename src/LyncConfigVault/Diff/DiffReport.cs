namespace LyncConfigVault.Diff;

/// <summary>
/// What differs between two snapshots, object by object, in a stable order (area, noun, Identity).
/// A value: filtering returns a new report; every renderer draws the same one.
/// </summary>
internal sealed record DiffReport(DiffSide From, DiffSide To, IReadOnlyList<ObjectChange> Changes)
{
    public DiffSummary Summary => DiffSummary.Of(Changes);

    /// <summary>What the changes do, when asked for (--impact); null otherwise.</summary>
    public DiffImpact? Impact { get; init; }

    /// <summary>For each change (by DiffImpact.Key), the commands that would take it back, when worked out; null otherwise.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Undo { get; init; }

    public bool IsEmpty => Changes.Count == 0;

    public DiffReport Where(DiffFilter filter) => this with { Changes = Changes.Where(filter.Matches).ToList() };

    public IEnumerable<IGrouping<string, ObjectChange>> ByArea() => Changes.GroupBy(c => c.Area);
}

/// <summary>How many objects were added, removed, modified and renamed.</summary>
internal sealed record DiffSummary(int Added, int Removed, int Modified, int Renamed)
{
    public int Total => Added + Removed + Modified + Renamed;

    public static DiffSummary Of(IEnumerable<ObjectChange> changes)
    {
        var list = changes as IReadOnlyCollection<ObjectChange> ?? changes.ToList();
        return new(
            list.Count(c => c.Kind == ObjectChangeKind.Added),
            list.Count(c => c.Kind == ObjectChangeKind.Removed),
            list.Count(c => c.Kind == ObjectChangeKind.Modified),
            list.Count(c => c.Kind == ObjectChangeKind.Renamed));
    }

    /// <summary>"1 added, 2 modified": only the kinds that happened, in a fixed order.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var (count, word) in new[] { (Added, "added"), (Removed, "removed"), (Modified, "modified"), (Renamed, "renamed") })
        {
            if (count > 0)
            {
                parts.Add($"{count} {word}");
            }
        }

        return parts.Count == 0 ? "no change" : string.Join(", ", parts);
    }
}
