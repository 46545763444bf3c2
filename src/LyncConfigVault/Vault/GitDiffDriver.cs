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

    private static readonly string DiffAttributes = "# Object files diff through lcv (lcv git-setup): one line per value, volatile values left out.\n"
        + string.Concat(VaultLayout.Parts.Select(p => $"{p}/**/*.yaml diff={Driver}\n"));

    private static readonly string EnvelopeAttributes = "# How each object sat in its export (only a rebuild reads it): folded away in GitLab and GitHub views.\n"
        + $"{Normalize.ObjectFile.EnvelopeFolder}/** linguist-generated=true\n";

    public static readonly string Attributes = DiffAttributes + EnvelopeAttributes;

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
        var missing = (current.Contains($"diff={Driver}", StringComparison.Ordinal) ? "" : DiffAttributes)
            + (current.Contains(Normalize.ObjectFile.EnvelopeFolder, StringComparison.Ordinal) ? "" : EnvelopeAttributes);   // a vault from before envelopes
        if (missing.Length == 0)
        {
            return false;
        }

        var text = current.Length == 0 || current.EndsWith('\n') ? current + missing : current + "\n" + missing;
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
