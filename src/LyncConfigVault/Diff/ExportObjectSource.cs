using System.Globalization;
using LyncConfigVault.Model;

namespace LyncConfigVault.Diff;

/// <summary>
/// Export files normalized in memory, exactly as a run would store them, compared without a vault;
/// or only the objects named in <c>only</c>, so a run describing its own few changes hashes no more.
/// </summary>
internal sealed class ExportObjectSource : ObjectSource
{
    private static long _nextId;

    private readonly Snapshot _snapshot;

    public ExportObjectSource(Snapshot snapshot, string label, IReadOnlyCollection<string>? only = null)
    {
        _snapshot = snapshot;
        var objects = only is null ? snapshot.Objects : only.Where(snapshot.Objects.ContainsKey).ToDictionary(p => p, p => snapshot.Objects[p]);
        Files = objects.ToDictionary(o => o.Key, o => ContentId(o.Value), StringComparer.Ordinal);
        var sources = string.Join(", ", snapshot.Exports.Select(e => e.Source));
        Side = new DiffSide(sources, label, snapshot.Exports.Count == 0 ? null : snapshot.ExportedAt);
    }

    public Snapshot Snapshot => _snapshot;

    /// <summary>
    /// Export files carry their volatile values (signatures, positions) in every object, so their bytes
    /// never equal another snapshot's: hashing them would only cost time. Each object gets an id of its
    /// own instead, and every object both sides hold is compared value by value.
    /// </summary>
    private static string ContentId(LyncObject obj) => string.Create(CultureInfo.InvariantCulture, $"export:{Interlocked.Increment(ref _nextId)}:{obj.Path}");

    public override DiffSide Side { get; }

    public override IReadOnlyDictionary<string, string> Files { get; }

    public override YMap Read(string path) => _snapshot.Objects.TryGetValue(path, out var obj)
        ? obj.Content
        : throw new LcvException(string.Create(CultureInfo.InvariantCulture, $"{path} is not in {Side.Revision}."));
}
