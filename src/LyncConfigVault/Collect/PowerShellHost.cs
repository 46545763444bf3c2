namespace LyncConfigVault.Collect;

/// <summary>
/// Where the Lync cmdlets run: in this process, or in a PowerShell process of their own. Each call
/// names one command and its parameters as typed values (never script text), and has its own time limit.
/// </summary>
internal abstract class PowerShellHost : IDisposable
{
    /// <summary>in-process, pwsh …: how the run log names this host.</summary>
    public abstract string Name { get; }

    /// <param name="asCliXml">Also give the output objects as CliXml (PSSerializer), types and nesting kept.</param>
    public abstract HostResult Invoke(string command, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout, bool asCliXml = false);

    public abstract void Dispose();
}
