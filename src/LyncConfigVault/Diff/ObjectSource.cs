using LyncConfigVault.Model;

namespace LyncConfigVault.Diff;

/// <summary>
/// One side of a comparison, as object files: a commit of the vault, or export files normalized in
/// memory. Files gives each object file's content id, so files with equal ids are never read.
/// </summary>
internal abstract class ObjectSource
{
    public abstract DiffSide Side { get; }

    /// <summary>Vault path → Git blob id of every object file.</summary>
    public abstract IReadOnlyDictionary<string, string> Files { get; }

    public abstract YMap Read(string path);
}
