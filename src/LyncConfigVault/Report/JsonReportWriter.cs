using System.Globalization;
using System.Text.Json;
using LyncConfigVault.Diff;

namespace LyncConfigVault.Report;

/// <summary>
/// The lcv.diff/1 contract (DESIGN.md, "The diff"; schemas/lcv.diff-1.schema.json): scripts depend
/// on every name here. Add fields only; never rename or remove one without a new schema version.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public const string Schema = "lcv.diff/1";

    public void Write(DiffReport report, TextWriter output) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        Side(json, "from", report.From);
        Side(json, "to", report.To);
        var summary = report.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("added", summary.Added);
        json.WriteNumber("removed", summary.Removed);
        json.WriteNumber("modified", summary.Modified);
        json.WriteNumber("renamed", summary.Renamed);
        json.WriteEndObject();
        json.WriteStartArray("changes");
        foreach (var change in report.Changes)
        {
            Change(json, change, report.Impact);
        }

        json.WriteEndArray();
        if (report.Impact is { } impact)
        {
            Notes(json, impact.Overall);
        }

        json.WriteEndObject();
    });

    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Word(ObjectChangeKind kind) => kind.ToString().ToLowerInvariant();

    public static string Word(PropertyChangeKind kind) => kind.ToString().ToLowerInvariant();

    private static void Side(Utf8JsonWriter json, string name, DiffSide side)
    {
        json.WriteStartObject(name);
        json.WriteString("revision", side.Revision);
        if (side.Date is { } date)
        {
            json.WriteString("date", Date(date));
        }
        else
        {
            json.WriteNull("date");
        }

        json.WriteEndObject();
    }

    private static void Change(Utf8JsonWriter json, ObjectChange change, DiffImpact? impact)
    {
        json.WriteStartObject();
        ChangeBody(json, change);
        if (impact is not null)
        {
            Notes(json, impact.For(change));
        }

        json.WriteEndObject();
    }

    /// <summary>"impact": [{kind, text, users}], present only when the diff was asked for its impact.</summary>
    private static void Notes(Utf8JsonWriter json, IReadOnlyList<ImpactNote> notes)
    {
        json.WriteStartArray("impact");
        foreach (var note in notes)
        {
            json.WriteStartObject();
            json.WriteString("kind", note.Kind);
            json.WriteString("text", note.Text);
            if (note.Effect != ImpactEffect.Neutral)
            {
                json.WriteString("effect", note.Effect == ImpactEffect.Breaks ? "breaks" : "mends");
            }

            if (note.Users is { } users)
            {
                json.WriteNumber("users", users);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The fields of one object's change, inside an object the caller opened.</summary>
    public static void ChangeBody(Utf8JsonWriter json, ObjectChange change)
    {
        json.WriteString("area", change.Area);
        json.WriteString("noun", change.Noun);
        json.WriteString("identity", change.Identity);
        json.WriteString("change", Word(change.Kind));
        if (change.Kind == ObjectChangeKind.Renamed)
        {
            json.WriteString("oldIdentity", change.OldIdentity);
            json.WriteNumber("similarity", change.Similarity ?? 1);
        }

        if (change.Kind == ObjectChangeKind.Added)
        {
            json.WriteStartArray("settings");
            foreach (var (path, value) in ObjectSettings.Of(change.New!))
            {
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteString("value", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (change.Kind is ObjectChangeKind.Modified or ObjectChangeKind.Renamed)
        {
            json.WriteStartArray("properties");
            foreach (var property in change.Properties)
            {
                Property(json, property);
            }

            json.WriteEndArray();
        }
    }

    private static void Property(Utf8JsonWriter json, PropertyChange property)
    {
        json.WriteStartObject();
        json.WriteString("path", property.Path);
        json.WriteString("change", Word(property.Kind));
        json.WriteString("text", ValueText.Describe(property));
        switch (property.Kind)
        {
            case PropertyChangeKind.Moved:
                json.WritePropertyName("value");
                JsonValue.Write(json, property.New);
                break;
            case PropertyChangeKind.Changed:
                json.WritePropertyName("old");
                JsonValue.Write(json, property.Old);
                json.WritePropertyName("new");
                JsonValue.Write(json, property.New);
                break;
            case PropertyChangeKind.Added:
                json.WritePropertyName("new");
                JsonValue.Write(json, property.New);
                break;
            case PropertyChangeKind.Removed:
                json.WritePropertyName("old");
                JsonValue.Write(json, property.Old);
                break;
        }

        if (property.From is { } from)
        {
            json.WriteNumber("from", from);
        }

        if (property.To is { } to)
        {
            json.WriteNumber("to", to);
        }

        if (property.Lines is { } lines)
        {
            json.WriteStartArray("lines");
            foreach (var line in lines)
            {
                json.WriteStartObject();
                json.WriteString("change", line.Kind.ToString().ToLowerInvariant());
                json.WriteString("text", line.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
