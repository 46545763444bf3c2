using System.CommandLine;
using LyncConfigVault.Model;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class RemoteCommand : Command
{
    public RemoteCommand(IAnsiConsole console, TimeProvider clock) : base("remote", "Copies of the vault elsewhere: every run pushes its snapshot and the baselines to each")
    {
        var vaultOption = CommonOptions.Vault();
        var name = new Argument<string>("name") { Description = "origin, backup-dc2 …" };
        var url = new Argument<string>("url") { Description = "https://git.contoso.com/uc/lync-config.git, ssh://…, git://… or a folder" };
        var credentialFile = new Option<string?>("--credential-file") { Description = "For an https:// remote: the account to push with, saved by lcv credential save (readable only by you)" };
        var allowUnencrypted = new Option<bool>("--allow-unencrypted") { Description = "Let this remote's account go over http:// in clear (only on a network you trust)" };
        var add = new Command("add", "Add a remote and push to it now") { vaultOption, name, url, credentialFile, allowUnencrypted };
        add.SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(vaultOption)!, clock);
            var remoteName = parse.GetValue(name)!;
            if (vault.Git.Network.Remotes[remoteName] is not null)
            {
                throw new LcvException($"The vault already has a remote named {remoteName}; remove it first, or choose another name.");
            }

            var (address, account) = RemoteAddress.WithoutAccount(parse.GetValue(url)!);
            var file = parse.GetValue(credentialFile);
            if ((file is not null || account is not null) && RemoteAddress.IsUnencrypted(address) && !parse.GetValue(allowUnencrypted))
            {
                throw RemotePusher.Unencrypted(remoteName);
            }

            if (account is not null)
            {
                // The account never stays in the address (it would be in .git/config and in every message): it goes where lcv credential save puts one.
                file ??= Path.Combine(vault.StateFolder, "credentials", remoteName + ".cred");
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                Credentials.CredentialStore.Save(file, account);
                console.MarkupLineInterpolated($"The account in the address ({account.UserName}) is kept in {Path.GetFullPath(file)}, readable only by you; the remote is stored without it.");
            }

            if (file is not null)
            {
                _ = Credentials.CredentialStore.Load(file);   // refused now, in one line, rather than at every push
                vault.Git.Config.Set(RemotePusher.CredentialKey(remoteName), Path.GetFullPath(file), LibGit2Sharp.ConfigurationLevel.Local);
            }

            if (parse.GetValue(allowUnencrypted))
            {
                vault.Git.Config.Set(RemotePusher.UnencryptedKey(remoteName), true, LibGit2Sharp.ConfigurationLevel.Local);
            }

            vault.Git.Network.Remotes.Add(remoteName, address);
            console.MarkupLineInterpolated($"Added the remote {remoteName}.");
            return PushReporter.Print(console, RemotePusher.PushAll(vault).Where(p => p.Remote == remoteName).ToList());
        });
        var list = new Command("list", "The vault's remotes") { vaultOption };
        list.SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(vaultOption)!, clock);
            foreach (var remote in vault.Git.Network.Remotes.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                console.MarkupLineInterpolated($"{remote.Name}  {RemoteAddress.Shown(remote.Url)}");
            }

            return ExitCodes.Ok;
        });
        var removeName = new Argument<string>("name");
        var remove = new Command("remove", "Stop pushing to a remote (the copy there stays)") { vaultOption, removeName };
        remove.SetAction(parse =>
        {
            using var vault = VaultRepository.Open(parse.GetValue(vaultOption)!, clock);
            var remoteName = parse.GetValue(removeName)!;
            if (vault.Git.Network.Remotes[remoteName] is null)
            {
                throw new LcvException($"The vault has no remote named {remoteName}; lcv remote list shows the ones it has.");
            }

            vault.Git.Network.Remotes.Remove(remoteName);
            vault.Git.Config.Unset(RemotePusher.CredentialKey(remoteName), LibGit2Sharp.ConfigurationLevel.Local);
            vault.Git.Config.Unset(RemotePusher.UnencryptedKey(remoteName), LibGit2Sharp.ConfigurationLevel.Local);
            console.MarkupLineInterpolated($"Removed the remote {remoteName}.");
            return ExitCodes.Ok;
        });
        Subcommands.Add(add);
        Subcommands.Add(list);
        Subcommands.Add(remove);
    }
}
