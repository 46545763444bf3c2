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
}
