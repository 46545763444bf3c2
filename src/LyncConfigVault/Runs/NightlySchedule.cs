using System.Diagnostics;
using System.Globalization;
using LyncConfigVault.Model;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>
/// lcv schedule: the nightly backup of a vault as a Windows scheduled task or a systemd timer, with the account
/// and the time checked now, not at 02:00.
/// </summary>
internal static class NightlySchedule
{
    /// <param name="account">The account given, or null for the default: SYSTEM for a Windows task, <paramref name="user"/> for a systemd timer.</param>
    /// <param name="program">The lcv the job runs, and the arguments that come before lcv's own (dotnet's path to lcv.dll).</param>
    public static ScheduledTask Task(VaultRepository vault, string at, string? account, bool systemd, string user, (string Executable, Func<string, string> Arguments) program, TimeSpan timeLimit, DateOnly today)
    {
        if (!TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new LcvException($"'{at}' is not a time of day; write it as 02:00 (24-hour clock).");
        }

        account ??= systemd ? user : "SYSTEM";
        if (systemd && IsSystem(account))
        {
            throw new LcvException("systemd has no SYSTEM account: give --account with the Linux account that runs the backup and owns the vault.");
        }

        CheckAccount(account);
        return new ScheduledTask(
            "lcv-backup-" + string.Concat(vault.Config.Deployment.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant(),
            $"LyncConfigVault: nightly backup of {vault.Config.Deployment} into {vault.Root}",
            account,
            at,
            program.Executable,
            program.Arguments($"backup --vault \"{vault.Root}\""),
            vault.Root,
            timeLimit,
            today);
    }

    /// <summary>Registers the task with Task Scheduler (schtasks, which asks for a named account's password itself).</summary>
    public static void Register(ScheduledTask task)
    {
        var xml = Path.Combine(Path.GetTempPath(), task.Name + ".xml");
        ScheduleWriter.WriteTaskXml(task, xml);
        // stdout stays the console's: schtasks may ask for a password there.
        var start = new ProcessStartInfo("schtasks.exe") { RedirectStandardError = true };
        foreach (var argument in new[] { "/Create", "/F", "/TN", $"\\LyncConfigVault\\{task.Name}", "/XML", xml })
        {
            start.ArgumentList.Add(argument);
        }

        // A named account runs "whether logged on or not" only with its password: schtasks asks for it (/RP *).
        // SYSTEM needs none, and a gMSA has none: Windows fetches it from the domain.
        if (!IsSystem(task.Account) && !task.Account.EndsWith('$'))
        {
            start.ArgumentList.Add("/RU");
            start.ArgumentList.Add(task.Account);
            start.ArgumentList.Add("/RP");
            start.ArgumentList.Add("*");
        }

        using var schtasks = Process.Start(start)!;
        var error = schtasks.StandardError.ReadToEnd();
        schtasks.WaitForExit();
        File.Delete(xml);
        if (schtasks.ExitCode != 0)
        {
            throw LcvException.Environment($"schtasks could not register the task: {error.Trim()}");
        }
    }

    private static bool IsSystem(string account) =>
        account.Equals("SYSTEM", StringComparison.OrdinalIgnoreCase) || account.Equals(@"NT AUTHORITY\SYSTEM", StringComparison.OrdinalIgnoreCase);

    // On Windows an account that does not resolve to a SID would only fail at 02:00; say it now.
    private static void CheckAccount(string account)
    {
        if (!OperatingSystem.IsWindows() || IsSystem(account))
        {
            return;
        }

        try
        {
            new System.Security.Principal.NTAccount(account).Translate(typeof(System.Security.Principal.SecurityIdentifier));
        }
        catch (System.Security.Principal.IdentityNotMappedException)
        {
            throw new LcvException($"The account {account} does not exist (Windows cannot resolve it); give DOMAIN\\name, a gMSA as DOMAIN\\name$, or SYSTEM.");
        }
    }
}
