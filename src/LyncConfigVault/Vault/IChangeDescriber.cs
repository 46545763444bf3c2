namespace LyncConfigVault.Vault;

/// <summary>
/// Says in Lync terms what a new snapshot changed, property by property, for its commit message.
/// The run stage hands in the Report stage's CommitDescriber; the vault only asks, so storing never depends on a later stage.
/// </summary>
internal interface IChangeDescriber
{
    /// <returns>The changes, or an empty list when nothing but order-only noise differs.</returns>
    IReadOnlyList<DescribedChange> Describe(LibGit2Sharp.Commit head, Model.Snapshot snapshot, IReadOnlyCollection<string> changedPaths);
}
