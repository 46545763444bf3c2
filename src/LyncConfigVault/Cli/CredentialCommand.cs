using System.CommandLine;
using LyncConfigVault.Collect;
using LyncConfigVault.Credentials;
using LyncConfigVault.Model;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class CredentialCommand : Command
{
    public CredentialCommand(IAnsiConsole console) : base("credential", "Keep the account lcv backup --remote uses, readable only by you")
    {
        var file = new Option<string>("--file") { Description = "Where to keep it, e.g. lcv.cred", Required = true };
        var user = new Option<string>("--user") { Description = "DOMAIN\\name of an account in RTCUniversalServerAdmins", Required = true };
        var forAccount = new Option<string?>("--for") { Description = "Windows: the service account (a gMSA, CONTOSO\\svc-lcv$) that alone may read it, when an administrator saves it on its behalf" };
        var save = new Command("save", "Save an account: the password comes from LCV_PASSWORD or is asked for") { file, user, forAccount };
        save.SetAction(parse =>
        {
            var password = Environment.GetEnvironmentVariable("LCV_PASSWORD") is { Length: > 0 } given ? given
                : console.Profile.Capabilities.Interactive ? console.Prompt(new TextPrompt<string>($"Password for {parse.GetValue(user)}:").Secret())
                : throw new LcvException("No password: set LCV_PASSWORD, or run lcv credential save in an interactive console.");
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var reader = parse.GetValue(forAccount);
            CredentialStore.Save(path, new LyncCredential(parse.GetValue(user)!, password), reader);
            console.MarkupLineInterpolated($"Saved the account {parse.GetValue(user)} in {path}, readable only by {reader ?? Environment.UserName}{(OperatingSystem.IsWindows() ? " on this machine (DPAPI)" : " (mode 600)")}.");
            return ExitCodes.Ok;
        });
        Subcommands.Add(save);
    }
}
