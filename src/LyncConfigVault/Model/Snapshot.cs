namespace LyncConfigVault.Model;

/// <summary>
/// The objects normalized from one run's export files, by vault path, plus what was read.
/// Parts lists the vault folders this run owns (cms, topology, …): everything else is carried forward.
/// </summary>
internal sealed record Snapshot(
    IReadOnlyDictionary<string, LyncObject> Objects,
    IReadOnlyList<ExportRecord> Exports,
    IReadOnlyList<string> Parts)
{
    /// <summary>Binary files kept once by content hash (Response Group audio): vault path → bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Blobs { get; init; } = new Dictionary<string, byte[]>();

    public DateTimeOffset ExportedAt => Exports.Count == 0 ? DateTimeOffset.UnixEpoch : Exports.Max(e => e.ExportedAt);
}
