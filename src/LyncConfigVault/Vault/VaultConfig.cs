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

    /// <summary>timeZone as written: the Front Ends' zone, which ZIP entry times and typed dates are read in.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The zone <see cref="TimeZoneId"/> names; null reads times in this machine's zone.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    public const string Schema = "lcv.config/1";

    public static VaultConfig Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Settings from their text; <paramref name="path"/> names the file in messages.</summary>
    public static VaultConfig Parse(string text, string path)
    {
        var map = YamlText.Read(text, path);
        if (map.Text("schema") != Schema)
        {
            throw LcvException.BadFile(path, $"is not a LyncConfigVault settings file (expected 'schema: {Schema}').");
        }

        var zone = map.Text("timeZone");
        return new VaultConfig(map.Text("deployment") ?? "Lync")
        {
            TimeZoneId = zone,
            TimeZone = Zone(zone, path),
            Collect = CollectSettings.From(map["collect"], path),
            Notify = NotifierSettings.From(map["notify"], path),
            UserRedaction = RedactionOf(map["users"], path),
        };
    }

    /// <summary>The zone an id names (IANA such as Europe/Dublin, a Windows id, or UTC); null for none given.</summary>
    /// <param name="where">The file or option that gave it, for the message.</param>
    public static TimeZoneInfo? Zone(string? id, string where)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (id.Trim().Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw LcvException.BadFile(where, $"names the time zone '{id}', which this machine does not know: give the Front Ends' zone as an IANA name (Europe/Dublin), a Windows name (GMT Standard Time) or UTC.");
        }
    }

    private static Redaction RedactionOf(YNode? users, string path) =>
        ((users as YMap)?.Text("redaction") ?? "pseudonymize").ToLowerInvariant() switch
        {
            "none" => Redaction.None,
            "pseudonymize" => Redaction.Pseudonymize,
            "omit" => Redaction.Omit,
            var other => throw LcvException.BadFile(path, $"'users.redaction' must be none, pseudonymize or omit, not '{other}'."),
        };

    public string Write() =>
        "# LyncConfigVault vault settings. Edit, then commit the change with git.\n"
        + "# lcv backup's defaults may go in a collect section, for example:\n"
        + "# collect:\n#   exports: [cms, topology]\n#   host: auto            # auto, in-process, pwsh, windows-powershell\n"
        + "#   timeoutSeconds: 900\n#   keepRawDays: 30\n#   module: SkypeForBusiness\n"
        + "#   staleAfterRuns: 7     # runs without a part before lcv status calls it stale (lcv part retire removes one for good)\n"
        + "# and who hears of changes and failures:\n# notify:\n# - kind: webhook\n#   url: https://contoso.webhook.office.com/...\n#   format: teams          # or json (lcv.event/1)\n#   events: [changed, failed]\n"
        + "# - kind: exec\n#   command: C:\\scripts\\ticket.cmd   # gets LCV_EVENT, LCV_VAULT, LCV_COMMIT, LCV_SUMMARY, LCV_REPORT\n#   timeoutSeconds: 60\n"
        + "# - kind: mail\n#   smtp: smtp.contoso.com:587\n#   starttls: true\n#   from: lcv@contoso.com\n#   to: [uc-team@contoso.com]\n#   events: [changed]\n"
        + "# User data and persistent chat exports (opt-in) hold personal data; how much of it is kept:\n"
        + "# users:\n#   redaction: pseudonymize   # none, pseudonymize (stable keyed hashes) or omit (counts only)\n"
        + "# The Front Ends' time zone: ZIP entry times (the exporting server's wall clock) and dates typed without\n"
        + "# an offset are read in it. Without it, this machine's zone is used.\n# timeZone: Europe/Dublin   # an IANA name, a Windows name (GMT Standard Time) or UTC\n"
        + YamlText.Write(TimeZoneId is null
            ? new YMap().Add("schema", Schema).Add("deployment", Deployment)
            : new YMap().Add("schema", Schema).Add("deployment", Deployment).Add("timeZone", TimeZoneId));
}
