namespace LyncConfigVault.Collect;

/// <summary>
/// Where the Lync cmdlets run: in this process, or in a PowerShell process of their own. Each call
/// names one command and its parameters as typed values (never script text), and has its own time limit.
/// </summary>
internal abstract class PowerShellHost : IDisposable
{
    /// <summary>in-process, pwsh …: how the run log names this host.</summary>
    public abstract string Name { get; }

    public abstract HostResult Invoke(string command, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout);

    public abstract void Dispose();
}
