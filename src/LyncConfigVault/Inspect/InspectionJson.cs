using LyncConfigVault.Model;

namespace LyncConfigVault.Inspect;

/// <summary>lcv inspect --format json: lcv.inspect/1, one record per file. Add fields, never rename or remove them.</summary>
internal static class InspectionJson
{
    public const string Schema = "lcv.inspect/1";

    public static Dictionary<string, object> Document(IEnumerable<Inspection> inspections) =>
        new() { ["schema"] = Schema, ["files"] = inspections.Select(Record).ToList() };

    /// <summary>One file as lcv.inspect/1 gives it: add fields, never rename or remove them.</summary>
    public static Dictionary<string, object?> Record(Inspection inspection)
    {
        var record = new Dictionary<string, object?>
        {
            ["file"] = inspection.File,
            ["kind"] = inspection.Kind.ToString().ToLowerInvariant(),
            ["objects"] = inspection.Objects,
        };
        if (inspection.Cms is { Reading: var reading, RoundTrip: var roundTrip })
        {
            record["encoding"] = reading.Encoding;
            record["schemaWriteVersions"] = reading.SchemaWriteVersions;
            record["documents"] = reading.Documents.Select(d => new Dictionary<string, object?>
            {
                ["element"] = d.ElementName, ["scopeClass"] = d.ScopeClass, ["items"] = d.Items, ["noun"] = d.Noun, ["generic"] = d.Noun is null,
            }).ToList();
            record["keptWhole"] = reading.GenericDocuments.Select(g => new Dictionary<string, object?> { ["label"] = g.Label, ["reason"] = g.Reason }).ToList();
            record["genericItems"] = reading.GenericItemCount;
            record["layout"] = new Dictionary<string, object?> { ["wrappers"] = reading.WrapperChains, ["choices"] = reading.LayoutChoices };
            record["roundTrip"] = new Dictionary<string, object?> { ["exact"] = roundTrip.Exact, ["differing"] = roundTrip.Differing, ["examples"] = roundTrip.Examples };
        }

        record["ignoredEntries"] = inspection.IgnoredEntries.Select(e => new Dictionary<string, object?> { ["name"] = e.Name, ["size"] = e.Size }).ToList();
        return record;
    }
}
