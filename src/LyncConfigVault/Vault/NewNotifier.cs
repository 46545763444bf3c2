using System.Globalization;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>A notifier as lcv notify add gives it; <see cref="Entry"/> writes it as the notify section of .lcv/config.yaml holds it.</summary>
internal sealed record NewNotifier(string Kind)
{
    public string? Url { get; init; }

    public string? Command { get; init; }

    public string? Smtp { get; init; }

    public string? From { get; init; }

    public bool StartTls { get; init; }

    /// <summary>Recipients, each may be "a,b".</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    public string? Format { get; init; }

    /// <summary>Events, each may be "a,b"; none means the default.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    public int? TimeoutSeconds { get; init; }

    /// <summary>The settings entry, its keys in the order an admin reads them.</summary>
    public YMap Entry()
    {
        var entry = new YMap().Add("kind", Kind);
        void Text(string key, string? value)
        {
            if (value is not null)
            {
                entry.Add(key, value);
            }
        }

        Text("url", Url);
        Text("command", Command);
        Text("smtp", Smtp);
        Text("from", From);
        if (StartTls)
        {
            entry.Add("starttls", "true");
        }

        if (To.Count > 0)
        {
            entry.Add("to", List(To));
        }

        Text("format", Format);
        if (Events.Count > 0)
        {
            entry.Add("events", List(Events));
        }

        Text("timeoutSeconds", TimeoutSeconds?.ToString(CultureInfo.InvariantCulture));
        return entry;
    }

    private static YSeq List(IEnumerable<string> values) =>
        new(values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => (YNode)new YScalar(v)));
}
