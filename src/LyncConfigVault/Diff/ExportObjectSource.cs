using System.Globalization;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Diff;

/// <summary>
/// Export files normalized in memory, exactly as a run would store them, compared without a vault;
/// or only the objects named in <c>only</c>, so a run describing its own few changes hashes no more.
/// </summary>
internal sealed class ExportObjectSource : ObjectSource
{
    private readonly Snapshot _snapshot;

    public ExportObjectSource(Snapshot snapshot, string label, IReadOnlyCollection<string>? only = null)
    {
        _snapshot = snapshot;
        var objects = only is null ? snapshot.Objects : only.Where(snapshot.Objects.ContainsKey).ToDictionary(p => p, p => snapshot.Objects[p]);
        Files = objects.ToDictionary(o => o.Key, o => GitBlobId.Of(YamlText.WriteBytes(o.Value.Content)), StringComparer.Ordinal);
        var sources = string.Join(", ", snapshot.Exports.Select(e => Path.GetFileName(e.Source)));
        Side = new DiffSide(sources, label, snapshot.Exports.Count == 0 ? null : snapshot.ExportedAt);
    }

    public Snapshot Snapshot => _snapshot;

    public override DiffSide Side { get; }

    public override IReadOnlyDictionary<string, string> Files { get; }

    public override YMap Read(string path) => _snapshot.Objects.TryGetValue(path, out var obj)
        ? obj.Content
        : throw new LcvException(string.Create(CultureInfo.InvariantCulture, $"{path} is not in {Side.Revision}."));
}
