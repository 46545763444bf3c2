using System.Text;
using LibGit2Sharp;

namespace LyncConfigVault.Vault;

/// <summary>
/// Makes plain Git speak Lync: .gitattributes sends the object files through the "lcv" diff driver,
/// and the repository's config runs `lcv textconv` on them, so git log -p and git diff show one
/// line per value with the noise left out. The config is local to a clone: run lcv git-setup there.
/// </summary>
internal static class GitDiffDriver
{
    public const string Driver = "lcv";

    public static readonly string Attributes = "# Object files diff through lcv (lcv git-setup): one line per value, volatile values left out.\n"
        + string.Concat(VaultLayout.Parts.Select(p => $"{p}/**/*.yaml diff={Driver}\n"));

    /// <summary>Sets the driver in the repository's config and, when .gitattributes lacks it, commits the lines that select it.</summary>
    /// <returns>Whether a commit was needed.</returns>
    public static bool Register(RunScope run, string command)
    {
        var vault = run.Vault;
        var config = vault.Git.Config;
        config.Set($"diff.{Driver}.textconv", command + " textconv", ConfigurationLevel.Local);
        config.Set($"diff.{Driver}.cachetextconv", true, ConfigurationLevel.Local);

        var head = vault.Head;
        var current = (head[".gitattributes"]?.Target as Blob)?.GetContentText() ?? "";
        if (current.Contains($"diff={Driver}", StringComparison.Ordinal))
        {
            return false;
        }

        var text = current.Length == 0 || current.EndsWith('\n') ? current + Attributes : current + "\n" + Attributes;
        run.CommitSettings(".gitattributes", text, "lcv: semantic diffs in git log -p and git diff");
        return true;
    }

    /// <summary>How Git's shell starts lcv: the program, and lcv.dll after it when dotnet runs it; quoted, forward slashes.</summary>
    public static string CommandOf(string program, string? assembly)
    {
        static string Quote(string path) => "\"" + path.Replace('\\', '/').Replace("\"", "\\\"") + "\"";
        return assembly is null ? Quote(program) : $"{Quote(program)} {Quote(assembly)}";
    }
}
