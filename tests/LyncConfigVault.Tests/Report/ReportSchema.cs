using System.Text.Json;
using Json.Schema;

namespace LyncConfigVault.Tests.Report;

/// <summary>The lcv.diff/1 JSON Schema of the repository (schemas/), as scripts would validate against it.</summary>
internal static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "lcv.diff-1.schema.json"))));

    public static void AssertValid(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, "not lcv.diff/1: " + string.Join("; ", errors));
    }
}
