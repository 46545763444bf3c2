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

internal static class NoticeKinds
{
    public static IReadOnlyList<NoticeKind> All { get; } = Enum.GetValues<NoticeKind>();

    /// <summary>changed, failed, stale or drift.</summary>
    public static string Word(this NoticeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind a word of the settings names, or null for a word that names none.</summary>
    public static NoticeKind? Named(string word) => All.Cast<NoticeKind?>().FirstOrDefault(k => k!.Value.Word() == word);
}
