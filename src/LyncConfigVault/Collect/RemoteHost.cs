using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using System.Security;
using LyncConfigVault.Credentials;
using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// A runspace on a pool's OcsPowershell endpoint over WSMan, with a credential or the current identity.
/// Only Windows has a WSMan client (STACK.md §2c): elsewhere opening it fails, and the admin is told so
/// in one line that names the endpoint and never the password.
/// </summary>
internal sealed class RemoteHost : PowerShellHost
{
    private const string ShellUri = "http://schemas.microsoft.com/powershell/Microsoft.PowerShell";

    private readonly RunspaceCalls _calls;

    public RemoteHost(Uri endpoint, LyncCredential? credential)
    {
        if (endpoint.Scheme is not ("https" or "http"))
        {
            throw new LcvException($"'{endpoint}' is not a remote PowerShell endpoint: give https://pool01.contoso.com/OcsPowershell.");
        }

        var connection = new WSManConnectionInfo(endpoint, ShellUri, credential is null ? PSCredential.Empty : new PSCredential(credential.UserName, Secure(credential.Password)))
        {
            AuthenticationMechanism = credential is null ? AuthenticationMechanism.NegotiateWithImplicitCredential : AuthenticationMechanism.Default,
        };
        Runspace runspace;
        try
        {
            runspace = RunspaceFactory.CreateRunspace(connection);
            runspace.Open();
        }
        catch (Exception e) when (e is PSRemotingTransportException or PSRemotingDataStructureException or ArgumentException or InvalidOperationException or PlatformNotSupportedException)
        {
            var why = OperatingSystem.IsWindows() ? e.Message : "this system has no WSMan client; remote collection runs on Windows";
            throw LcvException.Environment($"Cannot open a PowerShell session on {endpoint}{(credential is null ? "" : " as " + credential.UserName)}: {why}.");
        }

        _calls = new RunspaceCalls(runspace);
        Name = "remote " + endpoint.Host;
    }

    public override string Name { get; }

    public override HostResult Invoke(string command, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout, bool asCliXml = false) =>
        _calls.Invoke(command, parameters, timeout, asCliXml);

    public override void Dispose() => _calls.Dispose();

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
