using System.Diagnostics;
using System.Text.Json;

namespace LyncConfigVault.Tests.PowerShell;

/// <summary>
/// The LyncConfigVault module as an admin uses it: imported in a real pwsh from lcv's own folder (the test
/// output, where the build puts the module beside lcv), against a vault of seven generated nights.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    internal VaultFixture Fixture { get; } = new VaultFixture().IngestAll();

    public static string ModuleFolder => Path.Combine(AppContext.BaseDirectory, "LyncConfigVault");

    /// <summary>Runs a script after Import-Module; $Vault is set. Returns what it printed and its exit code.</summary>
    public (int ExitCode, string Output, string Error) Run(string script)
    {
        var pwsh = Environment.GetEnvironmentVariable("LCV_PWSH") ?? throw new InvalidOperationException("pwsh is not installed: run .ci/run once");
        var start = new ProcessStartInfo(pwsh) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-Command",
            $"$ErrorActionPreference = 'Stop'; $Vault = '{Fixture.Vault}'; Import-Module '{ModuleFolder}'; {script}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>Runs a script whose output is piped to ConvertTo-Json, and parses it.</summary>
    public JsonElement Json(string script)
    {
        var (code, output, error) = Run($"@({script}) | ConvertTo-Json -Depth 6 -Compress -AsArray");
        Assert.True(code == 0, error + output);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    public void Dispose() => Fixture.Dispose();
}
