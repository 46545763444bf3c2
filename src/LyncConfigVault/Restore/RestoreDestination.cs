using System.Text;
using LyncConfigVault.Model;

namespace LyncConfigVault.Restore;

/// <summary>
/// Where restore files may go: a new or empty folder, a new script file, never inside the vault (files there
/// would be edits by hand, and the next run would refuse the vault). Scripts are written for Windows PowerShell.
/// </summary>
internal static class RestoreDestination
{
    /// <summary>Windows PowerShell 5.1 reads a BOM-less script as ANSI: Identities with accents would break.</summary>
    public static readonly Encoding ScriptEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static void CheckFolder(string folder, string vault)
    {
        if (File.Exists(folder))
        {
            throw LcvException.BadFile(folder, "is a file: give a new or empty folder for the restore.");
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw LcvException.BadFile(folder, "is not empty: give a new or empty folder, so no restore file mixes with another.");
        }

        OutsideTheVault(folder, vault);
    }

    public static void CheckScript(string file, string vault)
    {
        if (File.Exists(file))
        {
            throw LcvException.BadFile(file, "already exists: give a new file name, so no script is overwritten.");
        }

        OutsideTheVault(file, vault);
    }

    private static void OutsideTheVault(string path, string vault)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(vault)) + Path.DirectorySeparatorChar;
        if ((Path.GetFullPath(path) + Path.DirectorySeparatorChar).StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            throw LcvException.BadFile(path, "is inside the vault: restore files there would look like edits by hand. Give a folder outside it.");
        }
    }
}
