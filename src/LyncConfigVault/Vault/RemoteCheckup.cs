using LibGit2Sharp;
using LyncConfigVault.Credentials;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>What lcv doctor checks of each remote: reachable, and the account the pushes use accepted (a listing of its refs, nothing pushed).</summary>
internal static class RemoteCheckup
{
    public static IEnumerable<CheckupLine> Of(VaultRepository vault)
    {
        var remotes = vault.Git.Network.Remotes.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        if (remotes.Count == 0)
        {
            yield return new("remotes", true, "none: the vault has no copy off this server (lcv remote add)");
            yield break;
        }

        foreach (var remote in remotes)
        {
            yield return One(vault, remote);
        }
    }

    private static CheckupLine One(VaultRepository vault, Remote remote)
    {
        var shown = RemoteAddress.Shown(remote.Url);
        try
        {
            var credential = vault.Git.Config.Get<string>(RemotePusher.CredentialKey(remote.Name))?.Value is { } file ? CredentialStore.Load(file) : null;
            _ = Repository.ListRemoteReferences(remote.Url, (_, _, _) => credential is null
                ? new DefaultCredentials()
                : new UsernamePasswordCredentials { Username = credential.UserName, Password = credential.Password }).ToList();
            return new($"remote {remote.Name}", true, $"{shown} answers and takes the account");
        }
        catch (LibGit2SharpException e)
        {
            return new($"remote {remote.Name}", false, $"{shown}: {e.Message.Trim().Replace(remote.Url, shown, StringComparison.Ordinal)}");
        }
        catch (LcvException e)
        {
            return new($"remote {remote.Name}", false, e.Message);
        }
    }
}
