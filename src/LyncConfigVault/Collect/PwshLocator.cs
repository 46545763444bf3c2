namespace LyncConfigVault.Collect;

/// <summary>
/// Finds PowerShell for the out-of-process host only where an ordinary user cannot plant one: LCV_PWSH (the
/// service account's own setting), beside lcv itself, the system's program folders, then the PATH. Never by
/// walking up parent folders: anyone who can create C:\.tools could have the backup run their program.
/// </summary>
internal static class PwshLocator
{
    public static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";
        if (Environment.GetEnvironmentVariable("LCV_PWSH") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        var installed = new[]
        {
            Path.Combine(AppContext.BaseDirectory, name),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "PowerShell", "7", name),
            "/usr/bin/pwsh",
            "/opt/microsoft/powershell/7/pwsh",
        };
        return installed.Where(p => p.Length > name.Length + 1).FirstOrDefault(File.Exists)
            ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(Path.IsPathFullyQualified)   // a relative PATH entry ('.') would be the current folder
                .Select(p => Path.Combine(p, name))
                .FirstOrDefault(File.Exists);
    }

    /// <summary>Windows PowerShell from the system folder, never from the current folder or the PATH.</summary>
    public static string WindowsPowerShell() =>
        Path.Combine(Environment.SystemDirectory, "WindowsPowerShell", "v1.0", "powershell.exe");
}
