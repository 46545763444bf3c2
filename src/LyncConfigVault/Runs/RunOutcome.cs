using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>What a whole run did: its own result, and what pushing the vault to each remote did after it.</summary>
internal sealed record RunOutcome<T>(T Result, IReadOnlyList<PushOutcome> Pushes)
{
    /// <summary>A remote refused or was down: the snapshot is kept here and the next run tries again.</summary>
    public bool PushFailed => Pushes.Any(p => p.Failure is not null);
}
