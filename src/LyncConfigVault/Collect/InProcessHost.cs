using System.Management.Automation.Runspaces;

namespace LyncConfigVault.Collect;

/// <summary>
/// A System.Management.Automation runspace in this process (STACK.md §2): fast, but with only the
/// Microsoft.PowerShell.Core cmdlets, so it suits modules built on .NET calls (the simulated one) and
/// modules that load in PowerShell 7.
/// </summary>
internal sealed class InProcessHost : PowerShellHost
{
    private readonly RunspaceCalls _calls;

    public InProcessHost(string modulePath)
    {
        // CreateDefault2, not CreateDefault: the NuGet engine has no ConsoleHost snap-in to load.
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        _calls = new RunspaceCalls(runspace);
        var import = Invoke("Import-Module", new Dictionary<string, object> { ["Name"] = modulePath, ["ErrorAction"] = "Stop" }, TimeSpan.FromMinutes(1));
        if (!import.Succeeded)
        {
            Dispose();
            throw new InvalidOperationException($"the module {modulePath} did not load: {import.Failure}");
        }
    }

    public override string Name => "in-process";

    public override HostResult Invoke(string command, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout) =>
        _calls.Invoke(command, parameters, timeout);

    public override void Dispose() => _calls.Dispose();
}
