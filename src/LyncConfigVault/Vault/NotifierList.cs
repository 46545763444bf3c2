using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>
/// The notify section of .lcv/config.yaml, edited from the command line: each edit is checked as a run would
/// read the whole file, keeps the file's comments, and is committed like any other settings change, under the
/// lock, refused when the vault holds edits nobody committed.
/// </summary>
internal static class NotifierList
{
    /// <summary>Adds a notifier and says its number; a webhook's address goes to the secret store once the entry is known to be good.</summary>
    public static int Add(VaultRepository vault, YMap entry, Action<string> warn) =>
        Change(vault, "notify add", warn, list => list.Items.Add(entry), $"lcv: notify {entry.Text("kind")} added", entry);

    public static void Remove(VaultRepository vault, int number, Action<string> warn) =>
        Change(vault, "notify remove", warn, list =>
        {
            if (number < 1 || number > list.Items.Count)
            {
                throw new LcvException($"The vault has no notifier {number}; lcv notify list numbers the {list.Items.Count} it has.");
            }

            list.Items.RemoveAt(number - 1);
        }, $"lcv: notify entry {number} removed");

    /// <summary>"url https://…, events changed": an entry as lcv notify add confirms it.</summary>
    public static string Describe(YMap entry) =>
        string.Join(", ", entry.Entries.Where(e => e.Key != "kind").Select(e => $"{e.Key} {(e.Value is YSeq s ? string.Join(" ", s.Items) : e.Value)}"));

    /// <summary>A notifier's target as lcv notify list shows it. A webhook's address is its password: its host is shown, never its path.</summary>
    public static string Shown(VaultRepository vault, NotifierSettings notifier)
    {
        if (notifier.Kind != NotifierKind.Webhook)
        {
            return notifier.Target;
        }

        try
        {
            return notifier.Target.StartsWith(SecretStore.Prefix, StringComparison.Ordinal)
                ? $"{notifier.Target} ({SecretStore.Shown(SecretStore.Resolve(vault.StateFolder, notifier.Target))})"
                : SecretStore.Shown(notifier.Target);
        }
        catch (LcvException)
        {
            return $"{notifier.Target} (not on this machine)";
        }
    }

    private static int Change(VaultRepository vault, string command, Action<string> warn, Action<YSeq> edit, string message, YMap? added = null) =>
        RunScope.Run(vault, command, [], warn, run => Change(run, edit, message, added));

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
        if (added is not null && SettingWords.Named<NotifierKind>(added.Text("kind")) == NotifierKind.Webhook && added.Text("url") is { } address && NotifierSettings.IsWebhookUrl(address))
        {
            added.Set("url", new YScalar(SecretStore.Save(vault.StateFolder, NotifierKind.Webhook.Word(), address)));   // only once the entry is known to be good
        }

        run.CommitSettings(VaultLayout.ConfigFile, header + YamlText.Write(settings), message);
        return notify.Items.Count;
    }
}
