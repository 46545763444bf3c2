using System.Runtime.CompilerServices;

namespace LyncConfigVault.Tests;

/// <summary>
/// Set once, before any test: lcv finds pwsh only where it is configured or installed, never by walking up
/// folders; the tests use the PowerShell dotnet tool that .ci/run installs in the clone's .tools folder.
/// </summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    public static void PwshFromTheClone()
    {
        if (Environment.GetEnvironmentVariable("LCV_PWSH") is { Length: > 0 })
        {
            return;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var pwsh = Path.Combine(folder.FullName, ".tools", OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
            if (File.Exists(pwsh))
            {
                Environment.SetEnvironmentVariable("LCV_PWSH", pwsh);
                return;
            }
        }
    }
}
