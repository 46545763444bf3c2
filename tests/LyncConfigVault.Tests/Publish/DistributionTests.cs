using System.Diagnostics;

namespace LyncConfigVault.Tests.Publish;

/// <summary>
/// lcv as admins get it: a single self-contained file for Linux (run here, with no .NET beside it) and for
/// Windows (built and checked here, run on the server), and the dotnet tool that puts lcv on the PATH.
/// One class, so the publishes of the same project run one after the other.
/// </summary>
public sealed class DistributionTests : IDisposable
{
    private static readonly string Project = Path.Combine(TestData.RepositoryRoot(), "src", "LyncConfigVault");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_linux_single_file_runs_the_demo_with_no_dotnet_installed_beside_it()
    {
        var output = _folder.File("linux");
        Run("dotnet", "publish", Project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishSingleFile=true", "-o", output);
        var alone = Directory.CreateDirectory(_folder.File("alone")).FullName;
        File.Copy(Path.Combine(output, "lcv"), Path.Combine(alone, "lcv"));   // the one file, nothing from the publish folder beside it

        var demo = Run(Path.Combine(alone, "lcv"), clean: true, "demo", "--vault", _folder.File("vault"));

        Assert.Contains("first snapshot:", demo);
        Assert.Contains("The whole week", demo);
        Assert.Equal("7", GitDaemon.Git(_folder.File("vault"), "rev-list", "--count", "HEAD").Trim());   // created, then the six nights that changed something

        // The PowerShell module ships beside the single file and drives it.
        var snapshots = System.Text.Json.JsonDocument.Parse(Run(Path.Combine(output, "lcv"), clean: true, "snapshots", "--vault", _folder.File("vault"), "--format", "json"))
            .RootElement.GetProperty("snapshots").GetArrayLength();
        var pwsh = Environment.GetEnvironmentVariable("LCV_PWSH")!;
        var counted = Run(pwsh, clean: false, "-NoProfile", "-NonInteractive", "-Command",
            $"$ErrorActionPreference = 'Stop'; Import-Module '{Path.Combine(output, "LyncConfigVault")}'; @(Get-LcvSnapshot -Vault '{_folder.File("vault")}').Count");
        Assert.True(snapshots > 0);
        Assert.Equal(snapshots.ToString(), counted.Trim());
    }

    [Fact]
    public void The_windows_single_file_is_one_executable_with_libgit2_inside()
    {
        var output = _folder.File("windows");

        Run("dotnet", "publish", Project, "-c", "Release", "-r", "win-x64", "--self-contained", "-p:PublishSingleFile=true", "-o", output);

        var exe = Path.Combine(output, "lcv.exe");
        Assert.Equal("MZ"u8.ToArray(), File.ReadAllBytes(exe)[..2]);
        Assert.Empty(Directory.GetFiles(output, "*.dll"));   // libgit2 and the runtime are in the bundle, unpacked at first start
        Assert.True(Contains(exe, "git2-"u8), "the native libgit2 is bundled in lcv.exe");
        Assert.True(File.Exists(Path.Combine(output, "LyncConfigVault", "LyncConfigVault.psd1")), "the PowerShell module is published beside lcv.exe");
    }

    [Fact]
    public void The_dotnet_tool_installs_lcv_on_a_path_and_runs()
    {
        var packages = _folder.File("packages");
        var tools = _folder.File("tools");
        Run("dotnet", "pack", Project, "-c", "Release", "-o", packages);

        Run("dotnet", "tool", "install", "LyncConfigVault", "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources");
        var help = Run(Path.Combine(tools, "lcv"), clean: false, "--help");

        Assert.Contains("LyncConfigVault: configuration history and diffs", help);
        Assert.Single(Directory.GetFiles(tools, "LyncConfigVault.psd1", SearchOption.AllDirectories));   // the module travels with the tool
    }

    private static string Run(string program, params string[] args) => Run(program, clean: false, args);

    /// <param name="clean">No dotnet on the PATH and no DOTNET_ROOT: as on a server that never had .NET.</param>
    private static string Run(string program, bool clean, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (clean)
        {
            start.Environment.Remove("DOTNET_ROOT");
            start.Environment["PATH"] = "/usr/bin:/bin";
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {output}{error.Result}");
        return output;
    }

    private static bool Contains(string file, ReadOnlySpan<byte> text) => File.ReadAllBytes(file).AsSpan().IndexOf(text) >= 0;
}
