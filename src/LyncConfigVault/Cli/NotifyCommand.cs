using System.CommandLine;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// Who hears of changes and failures: entries of the notify section of .lcv/config.yaml, added, listed
/// and removed from the command line, each change committed like any other settings change.
/// </summary>
internal sealed class NotifyCommand : Command
{
    public NotifyCommand(IAnsiConsole console, TimeProvider clock) : base("notify", "Who hears of changes and failures: mail, a webhook (Teams) or a command")
    {
        var vault = CommonOptions.Vault();
        var kind = new Argument<string>("kind") { Description = "mail, webhook or exec" };
        kind.AcceptOnlyFromAmong(NotifierKind.Mail.Word(), NotifierKind.Webhook.Word(), NotifierKind.Exec.Word());
        var to = new Option<string[]>("--to") { Description = "mail: recipients", AllowMultipleArgumentsPerToken = true };
        var smtp = new Option<string?>("--smtp") { Description = "mail: the SMTP server, host:port" };
        var from = new Option<string?>("--from") { Description = "mail: the sender address" };
        var startTls = new Option<bool>("--starttls") { Description = "mail: upgrade the connection with STARTTLS" };
        var url = new Option<string?>("--url") { Description = "webhook: the URL to post to (a Teams incoming webhook, or any listener)" };
        var format = new Option<string?>("--format") { Description = "webhook: json (lcv.event/1) or teams (a MessageCard)" };
        var command = new Option<string?>("--command") { Description = "exec: the program to run, with LCV_EVENT, LCV_VAULT, LCV_COMMIT, LCV_SUMMARY, LCV_REPORT set" };
        var events = new Option<string[]>("--events") { Description = "changed, failed (default: both)", AllowMultipleArgumentsPerToken = true };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds the notifier may take (default 60)" };
        var add = new Command("add", "Add a notifier") { vault, kind, to, smtp, from, startTls, url, format, command, events, timeout };
        add.SetAction(parse =>
        {
            var entry = new NewNotifier(parse.GetValue(kind)!)
            {
                Url = parse.GetValue(url), Command = parse.GetValue(command), Smtp = parse.GetValue(smtp), From = parse.GetValue(from), StartTls = parse.GetValue(startTls),
                To = parse.GetValue(to) ?? [], Format = parse.GetValue(format), Events = parse.GetValue(events) ?? [], TimeoutSeconds = parse.GetValue(timeout),
            }.Entry();
            using var repository = VaultRepository.Open(parse.GetValue(vault)!, clock);
            var number = NotifierList.Add(repository, entry, RunReporter.Warning(console));
            console.MarkupLineInterpolated($"Added notifier {number}: {NotifierList.Describe(entry)}.");
            if (entry.Text("url") is { } kept && kept.StartsWith(SecretStore.Prefix, StringComparison.Ordinal))
            {
                console.MarkupLineInterpolated($"The webhook's address (its token) is kept in {Path.Combine(repository.StateFolder, "secrets")}, never committed or pushed; a clone of the vault needs it added again.");
            }

            return ExitCodes.Ok;
        });

        var list = new Command("list", "The vault's notifiers, numbered") { vault };
        list.SetAction(parse =>
        {
            using var repository = VaultRepository.Open(parse.GetValue(vault)!, clock);
            var number = 0;
            foreach (var notifier in repository.Config.Notify)
            {
                console.MarkupLineInterpolated($"{++number}  {notifier.Kind.Word()}  {NotifierList.Shown(repository, notifier)}  events: {string.Join(", ", notifier.Events.Select(e => e.Word()))}{(notifier.To.Count > 0 ? "  to: " + string.Join(", ", notifier.To) : "")}");
            }

            if (number == 0)
            {
                console.MarkupLine("No notifiers: lcv notify add mail|webhook|exec … adds one.");
            }

            return ExitCodes.Ok;
        });

        var which = new Argument<int>("number") { Description = "The notifier's number in lcv notify list" };
        var remove = new Command("remove", "Remove a notifier") { vault, which };
        remove.SetAction(parse =>
        {
            using var repository = VaultRepository.Open(parse.GetValue(vault)!, clock);
            NotifierList.Remove(repository, parse.GetValue(which), RunReporter.Warning(console));
            console.MarkupLineInterpolated($"Removed notifier {parse.GetValue(which)}.");
            return ExitCodes.Ok;
        });

        Subcommands.Add(add);
        Subcommands.Add(list);
        Subcommands.Add(remove);
    }
}
