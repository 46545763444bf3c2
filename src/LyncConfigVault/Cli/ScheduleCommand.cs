using System.CommandLine;
using LyncConfigVault.Model;
using LyncConfigVault.Runs;
using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>Runs lcv backup every night: registers a Windows scheduled task, or writes its XML or a systemd timer.</summary>
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
        var systemd = parse.GetValue(_systemd);
        var lcv = parse.GetValue(_lcv);
        (string, Func<string, string>) program = lcv is null ? (LcvProgram.Current.Executable, LcvProgram.Current.Arguments) : (lcv, arguments => arguments);
        var task = NightlySchedule.Task(vault, parse.GetValue(_at)!, parse.GetValue(_account), systemd is not null, Environment.UserName, program,
            TimeSpan.FromHours(parse.GetValue(_hours)), DateOnly.FromDateTime(_clock.GetLocalNow().DateTime));
        if (systemd is { } folder)
        {
            foreach (var file in ScheduleWriter.WriteSystemd(task, folder))
            {
                console.MarkupLineInterpolated($"Wrote {file}");
            }

            console.WriteLine($"Install: sudo cp {task.Name}.service {task.Name}.timer /etc/systemd/system/ && sudo systemctl enable --now {task.Name}.timer");
            return ExitCodes.Ok;
        }

        if (parse.GetValue(_output) is { } output)
        {
            ScheduleWriter.WriteTaskXml(task, output);
            console.MarkupLineInterpolated($"Wrote the scheduled task to {Path.GetFullPath(output)}. Register it on the server: schtasks /Create /TN \"LyncConfigVault\\{task.Name}\" /XML \"{Path.GetFileName(output)}\"");
            return ExitCodes.Ok;
        }

        if (!OperatingSystem.IsWindows())
        {
            throw new LcvException("Task Scheduler exists only on Windows: give --output FILE to write the task for a Windows server, or --systemd DIR for a timer here.");
        }

        NightlySchedule.Register(task);
        console.MarkupLineInterpolated($"Registered \\LyncConfigVault\\{task.Name}: every night at {task.At} as {task.Account}.");
        return ExitCodes.Ok;
    }
}
