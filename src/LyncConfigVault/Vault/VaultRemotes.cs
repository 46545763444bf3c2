using LyncConfigVault.Credentials;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// The copies of a vault elsewhere (lcv remote): each kept as a Git remote without any account in its address,
/// the account saved where lcv credential save puts one, and http:// in clear only when the admin allowed it.
/// </summary>
internal static class VaultRemotes
{
    /// <summary>An account that was in the address, and the file lcv saved it to.</summary>
    public sealed record SavedAccount(string UserName, string File);

    /// <returns>The account taken out of the address, if it held one.</returns>
    public static SavedAccount? Add(VaultRepository vault, string name, string url, string? credentialFile, bool allowUnencrypted)
    {
        if (vault.Git.Network.Remotes[name] is not null)
        {
            throw new LcvException($"The vault already has a remote named {name}; remove it first, or choose another name.");
        }

        var (address, account) = RemoteAddress.WithoutAccount(url);
        var file = credentialFile;
        if ((file is not null || account is not null) && RemoteAddress.IsUnencrypted(address) && !allowUnencrypted)
        {
            throw RemotePusher.Unencrypted(name);
        }

        SavedAccount? saved = null;
        if (account is not null)
        {
            // The account never stays in the address (it would be in .git/config and in every message): it goes where lcv credential save puts one.
            file ??= Path.Combine(vault.StateFolder, "credentials", name + ".cred");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            CredentialStore.Save(file, account);
            saved = new SavedAccount(account.UserName, Path.GetFullPath(file));
        }

        if (file is not null)
        {
            _ = CredentialStore.Load(file);   // refused now, in one line, rather than at every push
            vault.Git.Config.Set(RemotePusher.CredentialKey(name), Path.GetFullPath(file), LibGit2Sharp.ConfigurationLevel.Local);
        }

        if (allowUnencrypted)
        {
            vault.Git.Config.Set(RemotePusher.UnencryptedKey(name), true, LibGit2Sharp.ConfigurationLevel.Local);
        }

        vault.Git.Network.Remotes.Add(name, address);
        return saved;
    }

    /// <summary>Stops pushing to a remote; the copy there stays.</summary>
    public static void Remove(VaultRepository vault, string name)
    {
        if (vault.Git.Network.Remotes[name] is null)
        {
            throw new LcvException($"The vault has no remote named {name}; lcv remote list shows the ones it has.");
        }

        vault.Git.Network.Remotes.Remove(name);
        vault.Git.Config.Unset(RemotePusher.CredentialKey(name), LibGit2Sharp.ConfigurationLevel.Local);
        vault.Git.Config.Unset(RemotePusher.UnencryptedKey(name), LibGit2Sharp.ConfigurationLevel.Local);
    }
}
