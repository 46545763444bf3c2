using LyncConfigVault.Model;

namespace LyncConfigVault.Diff;

/// <summary>
/// One side of a comparison, as object files: a commit of the vault, or export files normalized in
/// memory. Files gives each object file's content id, so files with equal ids are never read.
/// </summary>
internal abstract class ObjectSource
{
    public abstract DiffSide Side { get; }

    /// <summary>
    /// Vault path → content id of every object file: equal ids mean equal files (Git blob ids for a
    /// commit); files with different ids are compared value by value.
    /// </summary>
    public abstract IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The files under one folder (cms/voice/VoiceRoute), without listing the whole snapshot.</summary>
    public virtual IEnumerable<string> FilesUnder(string folder) =>
        Files.Keys.Where(p => p.StartsWith(folder + "/", StringComparison.Ordinal));

    public abstract YMap Read(string path);

    /// <summary>Many files at once, in the order given: a source that reads from disk or Git reads them on every core.</summary>
    public virtual IReadOnlyList<YMap> ReadMany(IEnumerable<string> paths) => paths.Select(Read).ToList();
}
