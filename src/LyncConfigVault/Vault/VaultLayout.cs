namespace LyncConfigVault.Vault;

/// <summary>Where things live in a vault. State that is not history (lock, run log, caches) stays inside .git.</summary>
internal static class VaultLayout
{
    public const string ConfigFile = ".lcv/config.yaml";
    public const string FiltersFile = ".lcv/filters.yaml";
    public const string ExportsFolder = ".lcv/exports";
    public const string Branch = "refs/heads/main";

    /// <summary>The top-level folders an export owns; a run replaces the ones it read and carries the rest forward.</summary>
    public static readonly IReadOnlyList<string> Parts = ["cms", "topology", "rgs", "lis", "users"];

    public static string StateFolder(string gitDirectory) => Path.Combine(gitDirectory, "lcv");

    /// <summary>Whether a commit's tree holds a snapshot (any export part), not just the vault's settings.</summary>
    public static bool HasSnapshot(LibGit2Sharp.Tree tree) => Parts.Any(p => tree[p] is not null);

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
