using System.Text.Json;
using LyncConfigVault.Diff;
using LyncConfigVault.Report;

namespace LyncConfigVault.Notify;

/// <summary>
/// The body a webhook receives. json: lcv.event/1 (event, deployment, vault, commit, summary, failures,
/// and the lcv.diff/1 report of a change). teams: an Office 365 connector MessageCard, one fact per object.
/// </summary>
internal static class EventPayload
{
    public const string Schema = "lcv.event/1";
    private const int FactsShown = 20;

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
        var facts = changes.Take(FactsShown).Select(c => new Dictionary<string, string> { ["name"] = c.DisplayName, ["value"] = JsonReportWriter.Word(c.Kind) })
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
}
