using LibGit2Sharp;

namespace LyncConfigVault.Vault;

/// <summary>How pushing to one remote went: null Failure means the remote now has every snapshot and baseline.</summary>
internal sealed record PushOutcome(string Remote, string Url, string? Failure);

/// <summary>
/// Keeps a copy of the vault off the server: after a run, the branch and the baselines go to every
/// remote of the vault's Git repository (lcv remote add). A remote that is down or refuses is reported
/// and simply tried again by the next run: the local commit is never touched.
/// </summary>
internal static class RemotePusher
{
    public static IReadOnlyList<PushOutcome> PushAll(VaultRepository vault)
    {
        // Baselines move when an admin re-approves, so their tags go with force; the branch never does.
        // libgit2 pushes no wildcard refspec: each baseline is named.
        var refSpecs = vault.Git.Tags
            .Where(t => t.CanonicalName.StartsWith("refs/tags/" + RevisionResolver.BaselinePrefix, StringComparison.Ordinal))
            .Select(t => $"+{t.CanonicalName}:{t.CanonicalName}")
            .Prepend($"{VaultLayout.Branch}:{VaultLayout.Branch}")
            .ToList();
        var outcomes = new List<PushOutcome>();
        foreach (var remote in vault.Git.Network.Remotes.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var refused = new List<string>();
            try
            {
                vault.Git.Network.Push(remote, refSpecs, new PushOptions { OnPushStatusError = e => refused.Add($"{e.Reference}: {e.Message}") });
                outcomes.Add(new PushOutcome(remote.Name, remote.Url, refused.Count == 0 ? null : "refused " + string.Join("; ", refused)));
            }
            catch (LibGit2SharpException e)
            {
                outcomes.Add(new PushOutcome(remote.Name, remote.Url, e.Message.Trim()));
            }
        }

        return outcomes;
    }
}
