using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace LyncConfigVault.Collect;

/// <summary>
/// A System.Management.Automation runspace in this process (STACK.md §2): fast, but with only the
/// Microsoft.PowerShell.Core cmdlets, so it suits modules built on .NET calls (the simulated one) and
/// modules that load in PowerShell 7. A call past its time limit is stopped.
/// </summary>
internal sealed class InProcessHost : PowerShellHost
{
    private readonly Runspace _runspace;

    public InProcessHost(string modulePath)
    {
        // CreateDefault2, not CreateDefault: the NuGet engine has no ConsoleHost snap-in to load.
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        var import = Invoke("Import-Module", new Dictionary<string, object> { ["Name"] = modulePath, ["ErrorAction"] = "Stop" }, TimeSpan.FromMinutes(1));
        if (!import.Succeeded)
        {
            Dispose();
            throw new InvalidOperationException($"the module {modulePath} did not load: {import.Failure}");
        }
    }

    public override string Name => "in-process";

    public override HostResult Invoke(string command, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddCommand(command);
        foreach (var (name, value) in parameters)
        {
            shell.AddParameter(name, value);
        }

        shell.AddParameter("Verbose");   // the cmdlet's verbose lines go to the run log, as Runner.ps1 does

        var output = new PSDataCollection<PSObject>();
        var run = shell.InvokeAsync<PSObject, PSObject>(null, output);
        string? terminating = null;
        var timedOut = false;
        try
        {
            if (!run.Wait(timeout))
            {
                timedOut = true;
                shell.Stop();
                run.Wait(TimeSpan.FromSeconds(30));
            }
        }
        catch (AggregateException e) when (e.InnerException is RuntimeException or PipelineStoppedException)
        {
            terminating = timedOut ? null : Message(e.InnerException);
        }

        return new HostResult(
            output.Select(Properties).ToList(),
            shell.Streams.Error.Select(r => Message(r.Exception) ?? r.ToString()).ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            terminating,
            timedOut);
    }

    public override void Dispose() => _runspace.Dispose();

    private static IReadOnlyDictionary<string, string> Properties(PSObject item) =>
        item.Properties.ToDictionary(p => p.Name, p => p.Value switch
        {
            null => "",
            object[] list => string.Join(",", list),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });

    // A thrown .NET exception arrives wrapped: the admin wants the cmdlet's own words.
    private static string? Message(Exception? e) => e switch
    {
        null => null,
        RuntimeException { ErrorRecord.Exception: { } inner } when inner != e => inner.Message,
        _ => e.Message,
    };
}
