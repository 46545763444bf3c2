using System.Text.Json;
using System.Text.Json.Serialization;

namespace LyncConfigVault.Vault;

/// <summary>One line of the run log: every run is recorded, whether it committed, changed nothing or failed.</summary>
internal sealed record RunRecord(
    DateTimeOffset Started,
    string Command,
    string Result,
    DateTimeOffset? ExportedAt,
    string? Commit,
    string Summary,
    IReadOnlyList<string> Exports,
    IReadOnlyList<string> Stale,
    long DurationMs)
{
    public const string Committed = "committed";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";
}

/// <summary>The run log, .git/lcv/runs.jsonl: outside the history, so a no-change run leaves no commit.</summary>
internal static class RunHistory
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Append(string stateFolder, RunRecord record)
    {
        Directory.CreateDirectory(stateFolder);
        File.AppendAllText(Path.Combine(stateFolder, "runs.jsonl"), JsonSerializer.Serialize(record, JsonOptions) + "\n");
    }

    public static IReadOnlyList<RunRecord> Read(string stateFolder)
    {
        var path = Path.Combine(stateFolder, "runs.jsonl");
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<RunRecord>(line, JsonOptions))
            .OfType<RunRecord>()
            .ToList();
    }
}
