using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
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
        kind.AcceptOnlyFromAmong("mail", "webhook", "exec");
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
            var entry = new YMap().Add("kind", parse.GetValue(kind)!);
            void Text(string key, string? value)
            {
                if (value is not null)
                {
                    entry.Add(key, value);
                }
            }

            Text("url", parse.GetValue(url));
            Text("command", parse.GetValue(command));
            Text("smtp", parse.GetValue(smtp));
            Text("from", parse.GetValue(from));
            if (parse.GetValue(startTls))
            {
                entry.Add("starttls", "true");
            }

            if (parse.GetValue(to) is { Length: > 0 } recipients)
            {
                entry.Add("to", List(recipients));
            }

            Text("format", parse.GetValue(format));
            if (parse.GetValue(events) is { Length: > 0 } wanted)
            {
                entry.Add("events", List(wanted));
            }

            Text("timeoutSeconds", parse.GetValue(timeout)?.ToString(CultureInfo.InvariantCulture));
            using var repository = VaultRepository.Open(parse.GetValue(vault)!, clock);
            var count = Change(console, repository, "notify add", list => list.Items.Add(entry), $"lcv: notify {entry.Text("kind")} added", entry);
            console.MarkupLineInterpolated($"Added notifier {count}: {Describe(entry)}.");
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
                var target = notifier.Kind == "webhook" ? Shown(repository, notifier.Target) : notifier.Target;
                console.MarkupLineInterpolated($"{++number}  {notifier.Kind}  {target}  events: {string.Join(", ", notifier.Events)}{(notifier.To.Count > 0 ? "  to: " + string.Join(", ", notifier.To) : "")}");
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
            var number = parse.GetValue(which);
            Change(console, repository, "notify remove", list =>
            {
                if (number < 1 || number > list.Items.Count)
                {
                    throw new LcvException($"The vault has no notifier {number}; lcv notify list numbers the {list.Items.Count} it has.");
                }

                list.Items.RemoveAt(number - 1);
            }, $"lcv: notify entry {number} removed");
            console.MarkupLineInterpolated($"Removed notifier {number}.");
            return ExitCodes.Ok;
        });

        Subcommands.Add(add);
        Subcommands.Add(list);
        Subcommands.Add(remove);
    }

    // A webhook's address is its password: its host is shown, never its path.
    private static string Shown(VaultRepository vault, string target)
    {
        try
        {
            return target.StartsWith(SecretStore.Prefix, StringComparison.Ordinal)
                ? $"{target} ({SecretStore.Shown(SecretStore.Resolve(vault.StateFolder, target))})"
                : SecretStore.Shown(target);
        }
        catch (LcvException)
        {
            return $"{target} (not on this machine)";
        }
    }

    private static YSeq List(IEnumerable<string> values) =>
        new(CommonOptions.CommaList(values).Select(v => (YNode)new YScalar(v)));

    private static string Describe(YMap entry) =>
        string.Join(", ", entry.Entries.Where(e => e.Key != "kind").Select(e => $"{e.Key} {(e.Value is YSeq s ? string.Join(" ", s.Items) : e.Value)}"));

    /// <summary>
    /// Edits the notify list, checks the whole file as a run would read it, keeps its comments, and commits it:
    /// a run of its own, under the lock, refused when the vault holds edits nobody committed.
    /// </summary>
    /// <param name="added">The entry the command adds: a webhook's address in it goes to the secret store.</param>
    private static int Change(IAnsiConsole console, VaultRepository vault, string command, Action<YSeq> edit, string message, YMap? added = null) =>
        RunScope.Run(vault, command, [], RunReporter.Warning(console), run => Change(run, edit, message, added));

    private static int Change(RunScope run, Action<YSeq> edit, string message, YMap? added)
    {
        var vault = run.Vault;
        var path = Path.Combine(vault.Root, VaultLayout.ConfigFile);
        var text = File.ReadAllText(path);
        var settings = YamlText.Read(text, path);
        if (settings["notify"] is not YSeq notify)
        {
            notify = new YSeq();
            settings.Set("notify", notify);
        }

        edit(notify);
        var header = string.Concat(text.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l + "\n"));
        VaultConfig.Parse(header + YamlText.Write(settings), VaultLayout.ConfigFile);   // one clear line about the entry, and the vault unchanged
        if (added?.Text("kind") == "webhook" && added.Text("url") is { } address && NotifierSettings.IsWebhookUrl(address))
        {
            added.Set("url", new YScalar(SecretStore.Save(vault.StateFolder, "webhook", address)));   // only once the entry is known to be good
        }

        var updated = header + YamlText.Write(settings);

        run.CommitSettings(VaultLayout.ConfigFile, updated, message);
        return notify.Items.Count;
    }
}
