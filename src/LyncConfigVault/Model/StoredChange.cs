namespace LyncConfigVault.Model;

internal enum StoredChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One object that a snapshot added, removed or changed in meaning (volatile values never count).</summary>
internal sealed record StoredChange(StoredChangeKind Kind, string Area, string Noun, string Identity)
{
    public string DisplayName => $"{Noun} {Identity}";
}
