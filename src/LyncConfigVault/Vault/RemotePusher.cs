using LibGit2Sharp;
using LyncConfigVault.Credentials;
using LyncConfigVault.Model;

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
    /// <summary>Where a remote's account is kept: a file lcv credential save wrote, named in the vault's Git config.</summary>
    public static string CredentialKey(string remote) => $"lcv.remote.{remote}.credentialFile";

    /// <summary>Set by lcv remote add --allow-unencrypted: this remote may get its account over http://.</summary>
    public static string UnencryptedKey(string remote) => $"lcv.remote.{remote}.allowUnencrypted";

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
                var options = new PushOptions { OnPushStatusError = e => refused.Add($"{e.Reference}: {e.Message}") };
                if (vault.Git.Config.Get<string>(CredentialKey(remote.Name))?.Value is { } file)
                {
                    if (RemoteAddress.IsUnencrypted(remote.Url) && vault.Git.Config.Get<bool>(UnencryptedKey(remote.Name))?.Value != true)
                    {
                        throw Unencrypted(remote.Name);
                    }

                    var credential = CredentialStore.Load(file);   // a missing or unreadable file is this remote's failure, in one line
                    options.CredentialsProvider = (_, _, _) => new UsernamePasswordCredentials { Username = credential.UserName, Password = credential.Password };
                }
                else
                {
                    // Azure DevOps Server, TFS, a Windows-joined Git server: the account lcv runs as (the gMSA's own
                    // identity, by Kerberos or NTLM), never a password lcv holds.
                    options.CredentialsProvider = (_, _, _) => new DefaultCredentials();
                }

                vault.Git.Network.Push(remote, refSpecs, options);
                outcomes.Add(new PushOutcome(remote.Name, RemoteAddress.Shown(remote.Url), refused.Count == 0 ? null : "refused " + string.Join("; ", refused)));
            }
            catch (LibGit2SharpException e)
            {
                // libgit2 may quote the address it failed on: never with its password.
                var message = e.Message.Trim().Replace(remote.Url, RemoteAddress.Shown(remote.Url), StringComparison.Ordinal);
                outcomes.Add(new PushOutcome(remote.Name, RemoteAddress.Shown(remote.Url), Explain(remote.Url, message)));
            }
            catch (LcvException e)
            {
                outcomes.Add(new PushOutcome(remote.Name, RemoteAddress.Shown(remote.Url), e.Message));
            }
        }

        return outcomes;
    }

    /// <summary>An account would go over http:// in clear (Basic authentication): refused unless the admin opted in for this remote.</summary>
    public static LcvException Unencrypted(string remote) =>
        new($"the remote {remote} is an http:// address: its account would cross the network unencrypted. Use its https:// address, or, on a network you trust, lcv remote add … --allow-unencrypted.");

    // The libgit2 inside LibGit2Sharp speaks HTTPS, git:// and folders, not SSH: say what to do instead.
    private static string Explain(string url, string message) =>
        url.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase) || (url.Contains('@') && url.Contains(':') && !url.Contains("://", StringComparison.Ordinal))
            ? $"lcv cannot push over SSH ({message}); use the https:// address of the repository with --credential-file"
            : message.Contains("401", StringComparison.Ordinal) || message.Contains("authentication", StringComparison.OrdinalIgnoreCase)
                ? $"{message}: the account was refused; give one with lcv remote add … --credential-file (saved by lcv credential save)"
                : message;
}
