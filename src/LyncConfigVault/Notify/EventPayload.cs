using System.Text.Json;
using LyncConfigVault.Diff;
using LyncConfigVault.Report;

namespace LyncConfigVault.Notify;

/// <summary>
/// The body a webhook receives. json: lcv.event/1 (event, deployment, vault, commit, summary, failures,
/// and the lcv.diff/1 report of a change). teams: an Office 365 connector MessageCard, one fact per object with its first values.
/// </summary>
internal static class EventPayload
{
    public const string Schema = "lcv.event/1";
    private const int FactsShown = 20;
    private const int ValuesShown = 3;

    public static string Json(RunEvent run)
    {
        var text = new StringWriter();
        JsonOutput.Write(text, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("event", run.Name);
            json.WriteString("deployment", run.Deployment);
            json.WriteString("vault", run.Vault);
            json.WriteString("commit", run.Commit);
            json.WriteString("summary", run.Summary);
            json.WriteStartArray("failures");
            run.Failures.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            if (run.Diff is { } diff)
            {
                var report = new StringWriter();
                new JsonReportWriter().Write(diff, report);
                json.WritePropertyName("diff");
                json.WriteRawValue(report.ToString());
            }

            json.WriteEndObject();
        });
        return text.ToString();
    }

    public static string Teams(RunEvent run)
    {
        var changes = run.Diff?.Changes ?? [];
        var facts = changes.Take(FactsShown).Select(c => new Dictionary<string, string> { ["name"] = c.DisplayName, ["value"] = Values(c) })
            .Concat(run.Failures.Select(f => new Dictionary<string, string> { ["name"] = "failed", ["value"] = f }))
            .ToList();
        var card = new Dictionary<string, object?>
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["themeColor"] = run.Colour,
            ["summary"] = run.Summary,
            ["title"] = run.Title,
            ["text"] = run.Summary + (changes.Count > FactsShown ? $" (the first {FactsShown} of {changes.Count} objects are listed)" : ""),
            ["sections"] = new[] { new Dictionary<string, object> { ["facts"] = facts } },
        };
        return JsonSerializer.Serialize(card);
    }

    /// <summary>"modified: AllowSimulRing false → true; PstnUsages Local, Emergency → Emergency, Local; and 2 more".</summary>
    private static string Values(ObjectChange change)
    {
        var what = change.Kind == ObjectChangeKind.Renamed ? $"renamed from {change.OldIdentity}" : JsonReportWriter.Word(change.Kind);
        var properties = ValueText.Shown(change.Properties).ToList();
        if (properties.Count == 0)
        {
            return what;
        }

        var shown = properties.Take(ValuesShown).Select(p => p.Path.Length == 0 ? ValueText.Describe(p) : $"{p.Path} {ValueText.Describe(p)}");
        var more = properties.Count > ValuesShown ? $"; and {properties.Count - ValuesShown} more" : "";
        return $"{what}: {string.Join("; ", shown)}{more}";
    }
}
