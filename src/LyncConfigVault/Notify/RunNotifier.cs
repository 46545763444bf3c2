using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Notify;

/// <summary>
/// After a run: "changed" with the new snapshot's diff (and its HTML report for exec hooks) when the
/// run committed, "failed" with each failure when exports failed. The first snapshot of a vault is
/// not a change anyone needs to hear about.
/// </summary>
internal static class RunNotifier
{
    public static void AfterRun(VaultRepository vault, LyncCatalog catalog, string? commit, IReadOnlyList<string> failures, string reportFolder, Action<string> warn)
    {
        if (vault.Config.Notify.Count == 0)
        {
            return;
        }

        var notifiers = new Notifiers(vault.Config.Notify, warn);
        var deployment = vault.Config.Deployment;
        if (commit is not null && vault.Git.Lookup<Commit>(commit) is { } head && new RevisionResolver(vault).Previous(head) is { } previous)
        {
            var diff = new SnapshotDiffer(catalog, vault.Filters(catalog)).Compare(new GitObjectSource(vault.Git, previous, "previous"), new GitObjectSource(vault.Git, head, "new"));
            Directory.CreateDirectory(reportFolder);
            var report = Path.Combine(reportFolder, $"lcv-change-{commit[..7]}.html");
            using (var file = new StreamWriter(report, false, new System.Text.UTF8Encoding(false)))
            {
                new HtmlReportWriter().Write(diff, file);
            }

            notifiers.Send(new RunEvent("changed", deployment, vault.Root, commit, head.MessageShort, [], diff), report);
        }

        if (failures.Count > 0)
        {
            var summary = failures.Count == 1 ? failures[0] : $"{failures.Count} exports failed: {string.Join("; ", failures)}";
            notifiers.Send(new RunEvent("failed", deployment, vault.Root, commit, summary, failures, null), null);
        }
    }
}
