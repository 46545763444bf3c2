using System.Management.Automation.Runspaces;

namespace LyncConfigVault.Collect;

/// <summary>
/// A PowerShell 7 runspace in this process (Microsoft.PowerShell.SDK): fast, with the default cmdlet set
/// (Utility, Management, Archive), so it suits modules that load in PowerShell 7 and the simulated one.
/// </summary>
internal sealed class InProcessHost : PowerShellHost
{
    private readonly RunspaceCalls _calls;

    public InProcessHost(string modulePath)
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault());
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
