using LyncConfigVault.Diff;

namespace LyncConfigVault.Notify;

/// <summary>What a run tells its notifiers: "changed" (a new snapshot, with its diff) or "failed" (exports or the run).</summary>
internal sealed record RunEvent(string Name, string Deployment, string Vault, string? Commit, string Summary, IReadOnlyList<string> Failures, DiffReport? Diff)
{
    /// <summary>A title for a card or a mail subject, in an administrator's words.</summary>
    public string Title => Name switch
    {
        "failed" => $"Lync backup failed: {Deployment}",
        "stale" => $"Lync backup: {Summary}",
        "drift" => $"Lync configuration drifted from its baseline: {Deployment}",
        _ => $"Lync configuration changed: {Deployment}",
    };

    /// <summary>Red for failures, orange for drift, blue for changes (Teams card colours).</summary>
    public string Colour => Name switch
    {
        "failed" or "stale" => "C50F1F",
        "drift" => "CA5010",
        _ => "0078D4",
    };
}
