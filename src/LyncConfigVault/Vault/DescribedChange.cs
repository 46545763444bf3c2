namespace LyncConfigVault.Vault;

/// <summary>
/// One object a snapshot changed, as its commit message tells it: "changed VoicePolicy Tag:Intl"
/// with a line per property ("AllowSimulRing: true → false"). Kind is added, removed, changed or renamed.
/// </summary>
internal sealed record DescribedChange(string Area, string Kind, string DisplayName, IReadOnlyList<string> Details)
{
    public static DescribedChange From(Model.StoredChange change) =>
        new(change.Area, change.Kind.ToString().ToLowerInvariant(), change.DisplayName, []);
}
