using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

internal sealed class ScheduleCommand : Command
{
    private readonly Option<string> _vault = CommonOptions.Vault();
    private readonly Option<string> _at = new("--at") { Description = "When the backup runs each night, 24-hour clock", DefaultValueFactory = _ => "02:00" };
    private readonly Option<string?> _account = new("--account") { Description = "The account it runs as: a gMSA (CONTOSO\\svc-lcv$), a service account, or SYSTEM (default: SYSTEM for a Windows task, you for a systemd timer)" };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write the Task Scheduler definition to this file instead of registering it (always so off Windows)" };
    private readonly Option<string?> _systemd = new("--systemd") { Description = "Write a systemd service and timer into this folder (Linux hosts)" };
    private readonly Option<double> _hours = new("--time-limit-hours") { Description = "Stop a run that takes longer than this", DefaultValueFactory = _ => 2 };
    private readonly Option<string?> _lcv = new("--lcv") { Description = "The lcv program the job runs (default: this lcv)" };

    private readonly TimeProvider _clock;

    public ScheduleCommand(IAnsiConsole console, TimeProvider clock) : base("schedule", "Run lcv backup every night: a Windows scheduled task, or a systemd timer")
    {
        _clock = clock;
        Options.Add(_vault);
        Options.Add(_at);
        Options.Add(_account);
        Options.Add(_output);
        Options.Add(_systemd);
        Options.Add(_hours);
        Options.Add(_lcv);
        SetAction(parse => Run(console, parse));
    }

    private int Run(IAnsiConsole console, ParseResult parse)
    {
        using var vault = VaultRepository.Open(parse.GetValue(_vault)!, _clock);
        var at = parse.GetValue(_at)!;
        if (!TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new LcvException($"'{at}' is not a time of day; write it as 02:00 (24-hour clock).");
        }

        var systemd = parse.GetValue(_systemd);
        var account = parse.GetValue(_account) ?? (systemd is null ? "SYSTEM" : Environment.UserName);
        if (systemd is not null && IsSystem(account))
        {
            throw new LcvException("systemd has no SYSTEM account: give --account with the Linux account that runs the backup and owns the vault.");
        }

        CheckAccount(account);
        var name = "lcv-backup-" + string.Concat(vault.Config.Deployment.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
        var task = new ScheduledTask(
            name,
            $"LyncConfigVault: nightly backup of {vault.Config.Deployment} into {vault.Root}",
            account,
            at,
            parse.GetValue(_lcv) ?? LcvProgram.Current.Executable,
            parse.GetValue(_lcv) is null ? LcvProgram.Current.Arguments($"backup --vault \"{vault.Root}\"") : $"backup --vault \"{vault.Root}\"",
            vault.Root,
            TimeSpan.FromHours(parse.GetValue(_hours)),
            DateOnly.FromDateTime(_clock.GetLocalNow().DateTime));

        if (systemd is { } folder)
        {
            foreach (var file in ScheduleWriter.WriteSystemd(task, folder))
            {
                console.MarkupLineInterpolated($"Wrote {file}");
            }

            console.WriteLine($"Install: sudo cp {name}.service {name}.timer /etc/systemd/system/ && sudo systemctl enable --now {name}.timer");
            return ExitCodes.Ok;
        }

        if (parse.GetValue(_output) is { } output)
        {
            ScheduleWriter.WriteTaskXml(task, output);
            console.MarkupLineInterpolated($"Wrote the scheduled task to {Path.GetFullPath(output)}. Register it on the server: schtasks /Create /TN \"LyncConfigVault\\{name}\" /XML \"{Path.GetFileName(output)}\"");
            return ExitCodes.Ok;
        }

        if (!OperatingSystem.IsWindows())
        {
            throw new LcvException("Task Scheduler exists only on Windows: give --output FILE to write the task for a Windows server, or --systemd DIR for a timer here.");
        }

        return Register(console, task);
    }

    private static int Register(IAnsiConsole console, ScheduledTask task)
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

        console.MarkupLineInterpolated($"Registered \\LyncConfigVault\\{task.Name}: every night at {task.At} as {task.Account}.");
        return ExitCodes.Ok;
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
