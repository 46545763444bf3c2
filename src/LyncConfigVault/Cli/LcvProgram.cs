namespace LyncConfigVault.Cli;

/// <summary>
/// The command line that starts this lcv again, for what runs it later (Git's diff driver, the nightly
/// task): the program itself (lcv.exe, a single file or a dotnet tool's shim), or dotnet with lcv.dll when
/// it was started that way. Never Assembly.Location: a single-file lcv has none.
/// </summary>
internal sealed record LcvProgram(string Executable, string? Assembly)
{
    public static LcvProgram Current { get; } = Of(Environment.ProcessPath, Path.Combine(AppContext.BaseDirectory, "lcv.dll"));

    /// <summary>From the running process's path; testhost (the tests' host) is dotnet too.</summary>
    public static LcvProgram Of(string? processPath, string assemblyPath)
    {
        var name = Path.GetFileNameWithoutExtension(processPath ?? "lcv");
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return new LcvProgram(processPath!, assemblyPath);
        }

        return name.Equals("testhost", StringComparison.OrdinalIgnoreCase)
            ? new LcvProgram(DotnetOnPath(), assemblyPath)
            : new LcvProgram(processPath ?? "lcv", null);
    }

    /// <summary>The arguments that go before lcv's own: the dll when dotnet starts it.</summary>
    public string Arguments(string lcvArguments) => Assembly is null ? lcvArguments : $"\"{Assembly}\" {lcvArguments}";

    private static string DotnetOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
            .FirstOrDefault(File.Exists) ?? "dotnet";
}
