using LyncConfigVault.Diff;

namespace LyncConfigVault.Notify;

/// <summary>What a run tells its notifiers: "changed" (a new snapshot, with its diff) or "failed" (exports or the run).</summary>
internal sealed record RunEvent(string Name, string Deployment, string Vault, string? Commit, string Summary, IReadOnlyList<string> Failures, DiffReport? Diff);
