namespace LyncConfigVault.Vault;

/// <summary>
/// Says in Lync terms what a new snapshot changed, property by property, for its commit message.
/// The diff stage implements it; the vault only asks, so storing never depends on a later stage.
/// </summary>
internal interface IChangeDescriber
{
    /// <returns>The changes, or an empty list when nothing but order-only noise differs.</returns>
    IReadOnlyList<DescribedChange> Describe(LibGit2Sharp.Commit head, Model.Snapshot snapshot, IReadOnlyCollection<string> changedPaths);
}
