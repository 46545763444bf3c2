using System.Net.Sockets;
using System.Runtime.InteropServices;
using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// What lcv doctor checks of the machine a backup runs on: the .NET runtime, the PowerShell hosts, the Lync
/// module, the account's Lync administration group, a pool's remote endpoint. Off Windows the Windows-only
/// checks are named as skipped.
/// </summary>
internal static class CollectionCheckup
{
    public static IEnumerable<CheckupLine> Of(string module, Uri? remote)
    {
        yield return new(".NET", true, $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture})");
        yield return new("in-process PowerShell", true, $"PowerShell {SdkVersion()} (Microsoft.PowerShell.SDK)");
        yield return PwshLocator.Find() is { } pwsh ? new("pwsh", true, pwsh) : CheckupLine.Skip("pwsh", "not found (LCV_PWSH, .tools/pwsh, the PATH): lcv backup runs in-process or in Windows PowerShell");
        if (!OperatingSystem.IsWindows())
        {
            yield return CheckupLine.Skip("Windows PowerShell and the Lync module", "skipped: they exist on Windows only; here lcv ingests export files and collects with --simulate");
            yield return CheckupLine.Skip("RTCUniversalServerAdmins", "skipped: a Windows domain group");
        }
        else
        {
            yield return WindowsPowerShell();
            yield return LyncModule(module);
            yield return Membership();
        }

        if (remote is not null)
        {
            yield return Endpoint(remote);
        }
    }

    // "7.6.10+abc…" or "7.6.10 SHA: …": the release, as $PSVersionTable would say it.
    private static string SdkVersion() =>
        (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(System.Management.Automation.PSObject).Assembly)?.InformationalVersion ?? "?")
            .Split(' ', '+')[0];

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static CheckupLine WindowsPowerShell()
    {
        var path = Path.Combine(Environment.SystemDirectory, "WindowsPowerShell", "v1.0", "powershell.exe");
        return File.Exists(path)
            ? new("Windows PowerShell", true, path)
            : new("Windows PowerShell", false, $"{path} is missing: the Lync module loads in Windows PowerShell; use --remote from a management server, or --host pwsh");
    }

    // Asked of Windows PowerShell itself, where the module loads: typed arguments, no script text built from values.
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static CheckupLine LyncModule(string module)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(Environment.SystemDirectory, "WindowsPowerShell", "v1.0", "powershell.exe")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-Command", "param($Names) Get-Module -ListAvailable -Name $Names | Select-Object -First 1 | ForEach-Object { \"$($_.Name) $($_.Version)\" }", "-Names", module, "Lync" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = System.Diagnostics.Process.Start(start)!;
            var found = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                return new("Lync module", false, "Windows PowerShell did not answer within 60 s");
            }

            return found.Result.Trim() is { Length: > 0 } line
                ? new("Lync module", true, line)
                : new("Lync module", false, $"neither {module} nor Lync is installed here: run lcv on a Front End or a server with the administrative tools, or collect with --remote https://pool/OcsPowershell");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new("Lync module", false, e.Message);
        }
    }

    // Export-CsConfiguration and the other exports need RTCUniversalServerAdmins (or CsAdministrator through a remote session).
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static CheckupLine Membership()
    {
        var identity = System.Security.Principal.WindowsIdentity.GetCurrent();
        var groups = identity.Groups?.Select(g =>
        {
            try
            {
                return g.Translate(typeof(System.Security.Principal.NTAccount)).Value;
            }
            catch (System.Security.Principal.IdentityNotMappedException)
            {
                return g.Value;
            }
        }).ToList() ?? [];
        var member = groups.FirstOrDefault(g => g.EndsWith("\\RTCUniversalServerAdmins", StringComparison.OrdinalIgnoreCase) || g.EndsWith("\\CSAdministrator", StringComparison.OrdinalIgnoreCase));
        return member is not null
            ? new("Lync administration", true, $"{identity.Name} is in {member}")
            : new("Lync administration", false, $"{identity.Name} is in neither RTCUniversalServerAdmins nor CSAdministrator: the exports would be refused; add the account (a gMSA too) to one of them");
    }

    private static CheckupLine Endpoint(Uri remote)
    {
        try
        {
            using var client = new TcpClient();
            if (!client.ConnectAsync(remote.Host, remote.Port).Wait(TimeSpan.FromSeconds(10)))
            {
                return new("remote endpoint", false, $"{remote}: {remote.Host}:{remote.Port} did not answer within 10 s");
            }

            return new("remote endpoint", true, $"{remote}: {remote.Host}:{remote.Port} answers");
        }
        catch (AggregateException e) when (e.InnerException is SocketException socket)
        {
            return new("remote endpoint", false, $"{remote}: {socket.Message}");
        }
    }
}
