using System.Globalization;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Diff;

/// <summary>Export files normalized in memory, exactly as a run would store them, compared without a vault.</summary>
internal sealed class ExportObjectSource : ObjectSource
{
    private readonly Snapshot _snapshot;

    public ExportObjectSource(Snapshot snapshot, string label)
    {
        _snapshot = snapshot;
        Files = snapshot.Objects.ToDictionary(o => o.Key, o => GitBlobId.Of(YamlText.WriteBytes(o.Value.Content)), StringComparer.Ordinal);
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
