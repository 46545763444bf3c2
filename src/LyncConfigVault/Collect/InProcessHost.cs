using System.Management.Automation.Runspaces;

namespace LyncConfigVault.Collect;

/// <summary>
/// A PowerShell 7 runspace in this process (Microsoft.PowerShell.SDK): fast, with the default cmdlet set
/// (Utility, Management, Archive), so it suits modules that load in PowerShell 7 and the simulated one.
/// </summary>
internal sealed class InProcessHost : PowerShellHost
{
    private readonly RunspaceCalls _calls;

    public InProcessHost(string module)
        : this([module])
    {
    }

    /// <param name="modules">Tried in turn (SkypeForBusiness, then Lync): the first that loads is used.</param>
    public InProcessHost(IReadOnlyList<string> modules)
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault());
        runspace.Open();
        _calls = new RunspaceCalls(runspace);
        var tried = new List<string>();
        foreach (var module in modules)
        {
            var import = Invoke("Import-Module", new Dictionary<string, object> { ["Name"] = module, ["ErrorAction"] = "Stop" }, TimeSpan.FromMinutes(1));
            if (import.Succeeded)
            {
                Module = module;
                return;
            }

            tried.Add($"{module} ({import.Failure})");
        }

        Dispose();
        throw new InvalidOperationException($"none of the modules tried loads: {string.Join("; ", tried)}");
    }

    public override string Name => "in-process";

    /// <summary>The module that loaded.</summary>
    public string Module { get; } = "";

    public override HostResult Invoke(string command, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout, bool asCliXml = false) =>
        _calls.Invoke(command, parameters, timeout, asCliXml);

    public override void Dispose() => _calls.Dispose();
}
