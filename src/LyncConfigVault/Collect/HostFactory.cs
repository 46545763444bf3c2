using LyncConfigVault.Credentials;
using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// Picks the PowerShell host: a pool's remote endpoint when one is given; else out-of-process by
/// default (Windows PowerShell 5.1 on Windows, where the Lync module loads; pwsh elsewhere), and
/// in-process on request or when no pwsh is found.
/// </summary>
internal static class HostFactory
{
    public static readonly string[] Kinds = ["auto", "in-process", "pwsh", "windows-powershell"];

    /// <summary>SkypeForBusiness from 2015, Lync before: tried in that order unless --module names one.</summary>
    public static readonly IReadOnlyList<string> DefaultModules = ["SkypeForBusiness", "Lync"];

    /// <param name="modules">Tried in turn: the first that loads is used; none loading ends the run once, naming each.</param>
    public static PowerShellHost Create(string kind, IReadOnlyList<string> modules, Uri? remote = null, LyncCredential? credential = null)
    {
        if (remote is not null)
        {
            return new RemoteHost(remote, credential);
        }

        if (!Kinds.Contains(kind))
        {
            throw new LcvException($"'{kind}' is not a PowerShell host lcv knows: give {string.Join(", ", Kinds)}.");
        }

        var chosen = kind == "auto"
            ? OperatingSystem.IsWindows() ? "windows-powershell" : PwshLocator.Find() is null ? "in-process" : "pwsh"
            : kind;
        try
        {
            return chosen switch
            {
                "in-process" => new InProcessHost(modules),
                "windows-powershell" when !OperatingSystem.IsWindows() => throw new LcvException("--host windows-powershell needs Windows: Windows PowerShell 5.1 exists only there. Use pwsh or in-process."),
                "windows-powershell" => new PwshHost(PwshLocator.WindowsPowerShell(), modules).Started(),
                _ => new PwshHost(PwshLocator.Find() ?? throw new LcvException("pwsh was not found (LCV_PWSH, beside lcv, Program Files or the PATH); install PowerShell 7 or use --host in-process."), modules).Started(),
            };
        }
        catch (InvalidOperationException e)
        {
            throw LcvException.Environment($"The Lync PowerShell module could not be loaded ({e.Message}). Run lcv backup on a Front End or management server with the Lync/Skype for Business module, or try --simulate.", e);
        }
    }
}
