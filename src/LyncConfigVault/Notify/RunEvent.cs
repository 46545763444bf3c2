using LyncConfigVault.Diff;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Notify;

/// <summary>What a run tells its notifiers: a new snapshot with its diff, a failure, an export gone stale, drift from the baseline.</summary>
internal sealed record RunEvent(NoticeKind Kind, string Deployment, string Vault, string? Commit, string Summary, IReadOnlyList<string> Failures, DiffReport? Diff)
{
    /// <summary>The kind as LCV_EVENT and the webhook's event spell it: changed, failed, stale, drift.</summary>
    public string Name => Kind.Word();

    /// <summary>A title for a card or a mail subject, in an administrator's words.</summary>
    public string Title => Kind switch
    {
        NoticeKind.Failed => $"Lync backup failed: {Deployment}",
        NoticeKind.Stale => $"Lync backup: {Summary}",
        NoticeKind.Drift => $"Lync configuration drifted from its baseline: {Deployment}",
        _ => $"Lync configuration changed: {Deployment}",
    };

    /// <summary>Red for failures, orange for drift, blue for changes (Teams card colours).</summary>
    public string Colour => Kind switch
    {
        NoticeKind.Failed or NoticeKind.Stale => "C50F1F",
        NoticeKind.Drift => "CA5010",
        _ => "0078D4",
    };
}
