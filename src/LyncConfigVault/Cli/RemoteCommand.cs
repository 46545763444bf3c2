using System.CommandLine;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>lcv remote add, list and remove: the copies every run pushes its snapshot and the baselines to.</summary>
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
            if (VaultRemotes.Add(vault, remoteName, parse.GetValue(url)!, parse.GetValue(credentialFile), parse.GetValue(allowUnencrypted)) is { } saved)
            {
                console.MarkupLineInterpolated($"The account in the address ({saved.UserName}) is kept in {saved.File}, readable only by you; the remote is stored without it.");
            }

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
            VaultRemotes.Remove(vault, remoteName);
            console.MarkupLineInterpolated($"Removed the remote {remoteName}.");
            return ExitCodes.Ok;
        });
        Subcommands.Add(add);
        Subcommands.Add(list);
        Subcommands.Add(remove);
    }
}
