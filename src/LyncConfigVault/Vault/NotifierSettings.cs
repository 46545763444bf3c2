using System.Globalization;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// One entry of the notify section of .lcv/config.yaml: a webhook (url, format json or teams), an exec
/// hook (command), or mail (smtp host:port, to, from, starttls), with timeoutSeconds and the events it
/// wants: changed, failed. Target is the url, the command or the SMTP server.
/// </summary>
internal sealed record NotifierSettings(NotifierKind Kind, string Target, IReadOnlyList<NoticeKind> Events, WebhookFormat Format, int TimeoutSeconds)
{
    public IReadOnlyList<string> To { get; init; } = [];

    public string Sender { get; init; } = "lcv@localhost";

    public bool StartTls { get; init; }

    /// <summary>Digest mode: changes are told at most once per this many hours, all of them since the last notice; null tells each at once.</summary>
    public int? DigestHours { get; init; }

    /// <summary>An export failing this many runs in a row is announced as stale (once), and again when it recovers.</summary>
    public int StaleAfterRuns { get; init; } = 3;

    /// <summary>What a notifier hears when its entry names no events; stale and drift are asked for.</summary>
    public static readonly IReadOnlyList<NoticeKind> DefaultEvents = [NoticeKind.Changed, NoticeKind.Failed];

    public static IReadOnlyList<NotifierSettings> From(YNode? node, string path)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YSeq list)
        {
            throw LcvException.BadFile(path, "'notify' must be a list of notifiers (kind: webhook or exec).");
        }

        return list.Items.Select((item, i) => One(item as YMap ?? throw LcvException.BadFile(path, $"notify entry {i + 1} must be a section of settings."), i + 1, path)).ToList();
    }

    /// <summary>An address a webhook can post to: http or https.</summary>
    public static bool IsWebhookUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public static LcvException WebhookNeedsUrl(string path, int number) => LcvException.BadFile(path, $"notify entry {number}: a webhook needs url: https://…");

    private static NotifierSettings One(YMap map, int number, string path)
    {
        var word = map.Text("kind");
        var kind = SettingWords.Named<NotifierKind>(word) ?? throw LcvException.BadFile(path, $"notify entry {number}: kind must be webhook, exec or mail, not '{word}'.");
        var target = kind switch
        {
            NotifierKind.Webhook => map.Text("url") is { } url && (IsWebhookUrl(url) || (url.StartsWith(SecretStore.Prefix, StringComparison.Ordinal) && SecretStore.IsName(url[SecretStore.Prefix.Length..]))) ? url
                : throw WebhookNeedsUrl(path, number),
            NotifierKind.Exec => map.Text("command") ?? throw LcvException.BadFile(path, $"notify entry {number}: an exec hook needs command: (the program to run)"),
            _ => map.Text("smtp") is { } smtp && smtp.Contains(':') ? smtp : throw LcvException.BadFile(path, $"notify entry {number}: mail needs smtp: host:port"),
        };
        IReadOnlyList<string>? words = map["events"] switch
        {
            null => null,
            YSeq seq => seq.Items.Select(e => e.ToString() ?? "").ToList(),
            YScalar one => [one.Text],
            _ => throw LcvException.BadFile(path, $"notify entry {number}: events must be a list such as [changed, failed]."),
        };
        if (words?.FirstOrDefault(e => SettingWords.Named<NoticeKind>(e) is null) is { } unknown)
        {
            throw LcvException.BadFile(path, $"notify entry {number}: '{unknown}' is not an event; give changed, failed, stale or drift.");
        }

        var events = words?.Select(w => SettingWords.Named<NoticeKind>(w)!.Value).ToList() ?? DefaultEvents;

        var format = map.Text("format") is { } named
            ? SettingWords.Named<WebhookFormat>(named) ?? throw LcvException.BadFile(path, $"notify entry {number}: format must be json or teams, not '{named}'.")
            : WebhookFormat.Json;

        var timeout = map.Text("timeoutSeconds") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : throw LcvException.BadFile(path, $"notify entry {number}: timeoutSeconds must be a whole number above 0.")
            : 60;
        var to = map["to"] switch
        {
            YSeq seq => seq.Items.Select(t => t.ToString() ?? "").ToList(),
            YScalar one => [one.Text],
            _ => [],
        };
        if (kind == NotifierKind.Mail && to.Count == 0)
        {
            throw LcvException.BadFile(path, $"notify entry {number}: mail needs to: (one address or a list)");
        }

        return new NotifierSettings(kind, target, events, format, timeout)
        {
            StaleAfterRuns = map.Text("staleAfterRuns") is { } runs
                ? int.TryParse(runs, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw LcvException.BadFile(path, $"notify entry {number}: staleAfterRuns must be a whole number above 0.")
                : 3,
            To = to,
            Sender = map.Text("from") ?? "lcv@" + Environment.MachineName.ToLowerInvariant(),
            StartTls = map.Text("starttls") == "true",
            DigestHours = map.Text("digest") switch
            {
                null => null,
                "daily" => 24,
                "hourly" => 1,
                var hours when int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0 => h,
                var other => throw LcvException.BadFile(path, $"notify entry {number}: digest must be daily, hourly or a number of hours, not '{other}'."),
            },
        };
    }
}
