namespace LyncConfigVault.Collect;

/// <summary>
/// Finds pwsh for the out-of-process host: LCV_PWSH, then a .tools/pwsh beside lcv or above it (where
/// .ci/run installs the PowerShell dotnet tool), then the PATH. Null when there is none.
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

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var tool = Path.Combine(folder.FullName, ".tools", name);
            if (File.Exists(tool))
            {
                return tool;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, name))
            .FirstOrDefault(File.Exists);
    }
}
