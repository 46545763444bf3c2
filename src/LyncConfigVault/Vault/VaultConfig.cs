using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>
/// .lcv/config.yaml: the vault's own settings. The optional collect section sets lcv backup's defaults
/// (command-line options win): exports, host, timeoutSeconds, keepRawDays, module. The notify section
/// lists webhooks and exec hooks to tell of changes and failures.
/// </summary>
internal sealed record VaultConfig(string Deployment)
{
    public CollectSettings Collect { get; init; } = new();

    public IReadOnlyList<NotifierSettings> Notify { get; init; } = [];

    /// <summary>users.redaction: how personal data of user and persistent chat exports is kept (default pseudonymize).</summary>
    public Redaction UserRedaction { get; init; } = Redaction.Pseudonymize;

    public const string Schema = "lcv.config/1";

    public static VaultConfig Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Settings from their text; <paramref name="path"/> names the file in messages.</summary>
    public static VaultConfig Parse(string text, string path)
    {
        var map = YamlText.Read(text, path);
        if (map.Text("schema") != Schema)
        {
            throw LcvException.BadExport(path, $"is not a LyncConfigVault settings file (expected 'schema: {Schema}').");
        }

        return new VaultConfig(map.Text("deployment") ?? "Lync")
        {
            Collect = CollectSettings.From(map["collect"], path),
            Notify = NotifierSettings.From(map["notify"], path),
            UserRedaction = RedactionOf(map["users"], path),
        };
    }

    private static Redaction RedactionOf(YNode? users, string path) =>
        ((users as YMap)?.Text("redaction") ?? "pseudonymize").ToLowerInvariant() switch
        {
            "none" => Redaction.None,
            "pseudonymize" => Redaction.Pseudonymize,
            "omit" => Redaction.Omit,
            var other => throw LcvException.BadExport(path, $"'users.redaction' must be none, pseudonymize or omit, not '{other}'."),
        };

    public string Write() =>
        "# LyncConfigVault vault settings. Edit, then commit the change with git.\n"
        + "# lcv backup's defaults may go in a collect section, for example:\n"
        + "# collect:\n#   exports: [cms, topology]\n#   host: auto            # auto, in-process, pwsh, windows-powershell\n"
        + "#   timeoutSeconds: 900\n#   keepRawDays: 30\n#   module: SkypeForBusiness\n"
        + "# and who hears of changes and failures:\n# notify:\n# - kind: webhook\n#   url: https://contoso.webhook.office.com/...\n#   format: teams          # or json (lcv.event/1)\n#   events: [changed, failed]\n"
        + "# - kind: exec\n#   command: C:\\scripts\\ticket.cmd   # gets LCV_EVENT, LCV_VAULT, LCV_COMMIT, LCV_SUMMARY, LCV_REPORT\n#   timeoutSeconds: 60\n"
        + "# - kind: mail\n#   smtp: smtp.contoso.com:587\n#   starttls: true\n#   from: lcv@contoso.com\n#   to: [uc-team@contoso.com]\n#   events: [changed]\n"
        + "# User data and persistent chat exports (opt-in) hold personal data; how much of it is kept:\n"
        + "# users:\n#   redaction: pseudonymize   # none, pseudonymize (stable keyed hashes) or omit (counts only)\n"
        + YamlText.Write(new YMap().Add("schema", Schema).Add("deployment", Deployment));
}
