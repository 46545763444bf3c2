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
