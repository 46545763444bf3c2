namespace LyncConfigVault.Vault;

/// <summary>What a notifier can be told of; the notify section of .lcv/config.yaml, LCV_EVENT and the webhook's event name spell it in lower case.</summary>
internal enum NoticeKind
{
    /// <summary>A run committed a new snapshot: its diff.</summary>
    Changed,

    /// <summary>Exports or the whole run failed.</summary>
    Failed,

    /// <summary>An export has failed several runs in a row, or recovered after that.</summary>
    Stale,

    /// <summary>The new snapshot differs from the vault's baseline.</summary>
    Drift,
}
