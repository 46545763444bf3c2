using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>After a run that committed: one line on the new snapshot's broken references. Reported, never blocking.</summary>
internal static class CheckReporter
{
    public static void Print(IAnsiConsole console, VaultRepository vault, string? commit)
    {
        if (commit is null)
        {
            return;
        }

        var findings = new ReferenceChecker(LyncCatalog.Default).Check(new GitObjectSource(vault.Git, (LibGit2Sharp.Commit)vault.Git.Lookup(commit), "new"));
        if (findings.Count > 0)
        {
            var kinds = string.Join(", ", findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            console.MarkupLineInterpolated($"[yellow]lcv check: {findings.Count} finding(s) in this snapshot ({kinds}); lcv check lists them.[/]");
        }
    }
}
