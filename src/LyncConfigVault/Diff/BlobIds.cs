using LibGit2Sharp;

namespace LyncConfigVault.Diff;

/// <summary>
/// The blob id of one path in commit after commit, remembering each tree's answer by tree id: a folder
/// that did not change between two snapshots is never read again. Large trees (a Tag folder of
/// thousands of policies) are not kept in libgit2's object cache, so this is what keeps lcv log on
/// years of history to about one read per changed folder.
/// </summary>
internal sealed class BlobIds(string path)
{
    /// <summary>
    /// The path's blob id in each of the commits, newest first as given. The list is cut in one part per
    /// core, each read through a repository of its own: a LibGit2Sharp repository is not thread-safe.
    /// </summary>
    public static ObjectId?[] Along(string repositoryPath, IReadOnlyList<ObjectId> commits, string path)
    {
        var ids = new ObjectId?[commits.Count];
        var parts = Math.Clamp(commits.Count / 500, 1, Environment.ProcessorCount);
        Parallel.For(0, parts, part =>
        {
            using var git = new Repository(repositoryPath);
            var blobs = new BlobIds(path);
            for (var i = part * commits.Count / parts; i < (part + 1) * commits.Count / parts; i++)
            {
                ids[i] = blobs.In(git.Lookup<Commit>(commits[i]));
            }
        });
        return ids;
    }

    private readonly string[] _segments = path.Split('/');
    private readonly Dictionary<(ObjectId Tree, int Level), GitObject?> _children = [];

    public ObjectId? In(Commit commit)
    {
        // TreeEntry.Target only wraps an id: each tree below is read once, by the one lookup of its entry.
        GitObject? node = commit.Tree;
        for (var level = 0; level < _segments.Length && node is Tree tree; level++)
        {
            if (!_children.TryGetValue((tree.Id, level), out var child))
            {
                child = tree[_segments[level]]?.Target;
                _children[(tree.Id, level)] = child;
            }

            node = child;
        }

        return node is Blob blob ? blob.Id : null;
    }
}
