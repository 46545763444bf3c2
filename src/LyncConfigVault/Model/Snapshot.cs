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

    /// <summary>
    /// When the newest export ran. A Get-CsUser list counts only alone: it carries no time of its own, its
    /// file's time is when it was saved, which for generated or copied nights is not the night's.
    /// </summary>
    public DateTimeOffset ExportedAt =>
        Exports.Count == 0 ? DateTimeOffset.UnixEpoch
        : Exports.Where(e => e.Kind != ExportKind.UserPolicies).Select(e => e.ExportedAt).DefaultIfEmpty(Exports.Max(e => e.ExportedAt)).Max();
}
