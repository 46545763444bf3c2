using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Diff;

/// <summary>
/// The snapshot a run has just committed, as what follows the run reads it: the objects the run read are
/// taken from memory, as the normalizer made them; only parts it carried forward are read from Git, by the
/// blob ids the store wrote. So checking a new commit of 20,000 objects parses no YAML file at all.
/// </summary>
internal sealed class RunObjectSource(IRepository git, Commit commit, Snapshot snapshot, IReadOnlyDictionary<string, string> files, LyncCatalog catalog) : ObjectSource
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, YMap> _carried = new(StringComparer.Ordinal);

    public override DiffSide Side { get; } = new(commit.Sha, "new", commit.Author.When);

    public override IReadOnlyDictionary<string, string> Files => files;

    public override YMap Read(string path)
    {
        if (snapshot.Objects.TryGetValue(path, out var obj))
        {
            return obj.Content;
        }

        return _carried.GetOrAdd(path, p =>
        {
            var id = files.TryGetValue(p, out var blob) ? blob : throw new LcvException($"{p} is not in the snapshot {commit.Sha[..7]}.");
            lock (git)
            {
                return ObjectFile.Read(git.Lookup<Blob>(new ObjectId(id)).GetContentText(), $"{p} at {commit.Sha[..7]}", catalog);
            }
        });
    }
}
