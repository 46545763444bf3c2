using System.Text.Json;
using System.Text.Json.Serialization;

namespace LyncConfigVault.Vault;

/// <summary>
/// One line of the run log (lcv.runs/1): every run is recorded, whether it committed, changed nothing, stored
/// some exports while others failed (partial), failed, or changed the vault's settings.
/// </summary>
internal sealed record RunRecord(
    DateTimeOffset Started,
    string Command,
    RunResult Result,
    DateTimeOffset? ExportedAt,
    string? Commit,
    string Summary,
    IReadOnlyList<string> Exports,
    IReadOnlyList<string> Stale,
    long DurationMs)
{
    /// <summary>Each export that failed, in the cmdlet's own words; empty when none did.</summary>
    public IReadOnlyList<RunFailure> Failures { get; init; } = [];

    /// <summary>The vault parts this run read (cms, topology, rgs/pool01…): what a part's staleness is counted from.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>What the backup's plan could not collect on this product or connection, and why ("users: not collected (…)").</summary>
    public IReadOnlyList<string> NotCollected { get; init; } = [];

    /// <summary>Whether the run looked at Lync (collected or read exports), so "last verified" and part staleness count it.</summary>
    [JsonIgnore]
    public bool ReadLync => Result is RunResult.Committed or RunResult.Unchanged or RunResult.Partial;
}

/// <summary>How a run ended; lcv.runs/1 writes it in lower case, as lcv runs prints it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunResult>))]
internal enum RunResult
{
    /// <summary>A new snapshot was committed.</summary>
    [JsonStringEnumMemberName("committed")]
    Committed,

    /// <summary>Lync was read and nothing had changed: no commit.</summary>
    [JsonStringEnumMemberName("unchanged")]
    Unchanged,

    /// <summary>Some exports were stored (committed or verified unchanged) while others failed: their parts were carried forward.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    /// <summary>Nothing was stored.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>A settings command (lcv notify add, git-setup, part retire): its commit is not a snapshot.</summary>
    [JsonStringEnumMemberName("settings")]
    Settings,
}

/// <summary>
/// One export that failed in a run: which (Export-CsRgsConfiguration on pool01…), the vault part it
/// would have replaced (null when none: the pools could not be listed), and why, as the cmdlet said it.
/// </summary>
internal sealed record RunFailure(string Export, string? Part, string Reason);

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
