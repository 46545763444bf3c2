namespace LyncConfigVault.Report;

/// <summary>
/// What heads a report a change advisory board files: the deployment, a title and change ticket the admin
/// gives (--title, --ticket), and the vault's baseline, in words ("approved: 2026-11-18 02:09 (0f3c29c)").
/// Every field may be missing: a diff of two export files has no deployment and no baseline.
/// </summary>
internal sealed record ReportHeader(string? Deployment = null, string? Title = null, string? Ticket = null, string? Baseline = null)
{
    /// <summary>The title given, else "Lync configuration changes" with the deployment's name.</summary>
    public string TitleOrDefault => Title ?? (Deployment is null ? "Lync configuration changes" : $"Lync configuration changes: {Deployment}");
}
