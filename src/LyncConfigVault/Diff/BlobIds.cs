using LibGit2Sharp;

namespace LyncConfigVault.Diff;

/// <summary>
/// The blob id of one path in commit after commit, remembering each tree's answer by tree id: a folder
/// that did not change between two snapshots is never read again. Large trees (a Tag folder of
/// thousands of policies) are not kept in libgit2's object cache, so this is what keeps lcv log on
/// years of history to about one read per changed folder.
/// </summary>
internal sealed class BlobIds(IRepository git, string path)
{
    private readonly string[] _segments = path.Split('/');
    private readonly Dictionary<(ObjectId Tree, int Level), ObjectId?> _children = [];

    public ObjectId? In(Commit commit)
    {
        ObjectId? id = commit.Tree.Id;
        for (var level = 0; level < _segments.Length && id is not null; level++)
        {
            if (!_children.TryGetValue((id, level), out var child))
            {
                var entry = git.Lookup<Tree>(id)?[_segments[level]];
                child = level == _segments.Length - 1
                    ? entry?.TargetType == TreeEntryTargetType.Blob ? entry.Target.Id : null
                    : entry?.TargetType == TreeEntryTargetType.Tree ? entry.Target.Id : null;
                _children[(id, level)] = child;
            }

            id = child;
        }

        return id;
    }
}
