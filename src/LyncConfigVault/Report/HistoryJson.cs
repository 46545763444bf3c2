using LyncConfigVault.Diff;
using LyncConfigVault.Model;

namespace LyncConfigVault.Report;

/// <summary>
/// lcv log --format json, schema lcv.log/1: the object, then one entry per snapshot that changed it,
/// newest first, each shaped like a change of lcv.diff/1 plus its commit and date.
/// </summary>
internal static class HistoryJson
{
    public const string Schema = "lcv.log/1";

    public static void Write(TextWriter output, ObjectName name, IReadOnlyList<HistoryEntry> history) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("noun", name.Noun);
        json.WriteString("identity", name.Identity);
        json.WriteStartArray("history");
        foreach (var entry in history)
        {
            json.WriteStartObject();
            json.WriteString("revision", entry.Commit);
            json.WriteString("date", JsonReportWriter.Date(entry.Date));
            JsonReportWriter.ChangeBody(json, entry.Change);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
