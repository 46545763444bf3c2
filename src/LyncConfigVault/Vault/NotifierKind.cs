namespace LyncConfigVault.Vault;

/// <summary>How a notifier is told: the kind word of a notify entry in .lcv/config.yaml, spelt in lower case.</summary>
internal enum NotifierKind
{
    /// <summary>An HTTP POST of the event (lcv.event/1 or a Teams card) to a url.</summary>
    Webhook,

    /// <summary>A program run with LCV_EVENT, LCV_VAULT, LCV_COMMIT, LCV_SUMMARY and LCV_REPORT set.</summary>
    Exec,

    /// <summary>A mail through an SMTP server.</summary>
    Mail,
}

/// <summary>What a webhook posts: the format word of a notify entry.</summary>
internal enum WebhookFormat
{
    /// <summary>lcv.event/1.</summary>
    Json,

    /// <summary>A Teams MessageCard.</summary>
    Teams,
}

internal static class NotifierWords
{
    /// <summary>webhook, exec or mail.</summary>
    public static string Word(this NotifierKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>json or teams.</summary>
    public static string Word(this WebhookFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The value of T a settings word names (in lower case, as the settings spell it), or null.</summary>
    public static T? Named<T>(string? word) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v!.Value.ToString().ToLowerInvariant() == word);
}
