using LyncConfigVault.Catalog;

namespace LyncConfigVault.Vault;

/// <summary>Where things live in a vault. State that is not history (lock, run log, caches) stays inside .git.</summary>
internal static class VaultLayout
{
    public const string ConfigFile = ".lcv/config.yaml";
    public const string FiltersFile = ".lcv/filters.yaml";
    public const string ExportsFolder = ".lcv/exports";
    public const string Branch = "refs/heads/main";

    /// <summary>The top-level folders an export owns; a run replaces the ones it read and carries the rest forward.</summary>
    public static readonly IReadOnlyList<string> Parts = ExportKinds.Folders;

    public static string StateFolder(string gitDirectory) => Path.Combine(gitDirectory, "lcv");

    /// <summary>Parts that hold one folder per pool (one export per pool): rgs/&lt;pool&gt;, users/&lt;pool&gt;.</summary>
    public static readonly IReadOnlyList<string> PerPoolParts = ExportKinds.PerPoolFolders;

    /// <summary>The parts a tree holds, per pool where exports are per pool: cms, topology, rgs/pool01 …</summary>
    public static List<string> PartsIn(LibGit2Sharp.Tree root)
    {
        var parts = new List<string>();
        foreach (var part in Parts.Where(p => root[p] is not null))
        {
            if (PerPoolParts.Contains(part) && root[part].Target is LibGit2Sharp.Tree pools)
            {
                parts.AddRange(pools.Where(e => e.TargetType == LibGit2Sharp.TreeEntryTargetType.Tree).Select(e => $"{part}/{e.Name}"));
            }
            else
            {
                parts.Add(part);
            }
        }

        return parts;
    }

    /// <summary>Whether a run that read <paramref name="read"/> replaces <paramref name="part"/> (itself or a folder above it).</summary>
    public static bool Covers(IEnumerable<string> read, string part) =>
        read.Any(r => r == part || part.StartsWith(r + "/", StringComparison.Ordinal));

    /// <summary>The parts both sides read: where one side read a whole part and the other one pool of it, that pool.</summary>
    public static List<string> CommonParts(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b) =>
        a.Where(p => Covers(b, p)).Concat(b.Where(p => Covers(a, p))).Distinct().ToList();

    /// <summary>path → blob id of every object file under the export parts of a tree.</summary>
    public static Dictionary<string, string> ObjectFiles(LibGit2Sharp.Tree root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in Parts)
        {
            if (root[part]?.Target is LibGit2Sharp.Tree tree)
            {
                Walk(tree, part, result);
            }
        }

        return result;
    }

    /// <summary>Envelope path → blob id of every object's envelope in a tree; empty for a vault from before envelopes.</summary>
    public static Dictionary<string, string> Envelopes(LibGit2Sharp.Tree root) =>
        root[Normalize.ObjectFile.EnvelopeFolder]?.Target is LibGit2Sharp.Tree folder ? ObjectFiles(folder, Normalize.ObjectFile.EnvelopeFolder) : [];

    /// <summary>path → blob id of every file under one folder of a tree (<paramref name="prefix"/> is that folder's path).</summary>
    public static Dictionary<string, string> ObjectFiles(LibGit2Sharp.Tree folder, string prefix)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(folder, prefix, result);
        return result;
    }

    private static void Walk(LibGit2Sharp.Tree tree, string prefix, Dictionary<string, string> result)
    {
        foreach (var entry in tree)
        {
            var path = $"{prefix}/{entry.Name}";
            if (entry.Target is LibGit2Sharp.Tree child)
            {
                Walk(child, path, result);
            }
            else
            {
                result[path] = entry.Target.Sha;
            }
        }
    }
}
