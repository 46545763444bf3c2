using LyncConfigVault.Model;

namespace LyncConfigVault.Diff;

internal enum ObjectChangeKind
{
    Added,
    Removed,
    Modified,
    Renamed,
}

/// <summary>
/// One object that differs between two snapshots. A renamed object keeps its old Identity and how
/// alike the two were (1 = same content under a new Identity); its Properties list what else changed.
/// Old and New are the object files as stored, for the renderers that show whole objects.
/// </summary>
internal sealed record ObjectChange(
    string Area,
    string Noun,
    string Identity,
    ObjectChangeKind Kind,
    IReadOnlyList<PropertyChange> Properties,
    YMap? Old,
    YMap? New)
{
    public string? OldIdentity { get; init; }

    public double? Similarity { get; init; }

    public string DisplayName => $"{Noun} {Identity}";
}
