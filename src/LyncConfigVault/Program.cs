using System.CommandLine;
using LibGit2Sharp;
using LyncConfigVault.Cli;
using LyncConfigVault.Model;
using Spectre.Console;

namespace LyncConfigVault;

internal static class Program
{
    public static int Main(string[] args)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 4096;   // a log or a pipe gets whole lines, never wrapped at 80 columns
        }

        return Run(args, console, Console.Error, TimeProvider.System);
    }

    /// <summary>Parse, invoke, and the one catch: an admin sees one line in Lync terms, never a stack trace.</summary>
    /// <param name="clock">The one clock every command reads: tests give another.</param>
    public static int Run(string[] args, IAnsiConsole console, TextWriter error, TimeProvider clock)
    {
        var root = new RootCommand("LyncConfigVault: configuration history and diffs for Lync Server and Skype for Business Server")
        {
            new InitCommand(console, clock),
            new IngestCommand(console, clock),
            new BackupCommand(console, clock),
            new CredentialCommand(console),
            new BackfillCommand(console, clock),
            new StatusCommand(console, clock),
            new RunsCommand(console, clock),
            new DiffCommand(console, clock),
            new LogCommand(console, clock),
            new SnapshotsCommand(console, clock),
            new InspectCommand(console),
            new ShowCommand(console, clock),
            new DriftCommand(console, clock),
            new RestoreCommand(console, clock),
            new NotifyCommand(console, clock),
            new RouteCommand(console, clock),
            new CheckCommand(console, clock),
            new TestCommand(console, clock),
            new BaselineCommand(console, clock),
            new RemoteCommand(console, clock),
            new PartCommand(console, clock),
            new DoctorCommand(console, clock),
            new ScheduleCommand(console, clock),
            new GitSetupCommand(console, clock),
            new TextconvCommand(console),
            new DemoCommand(console, clock),
            new GenerateCommand(console),
        };
        var parse = root.Parse(args);
        try
        {
            var code = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error });
            return parse.Errors.Count > 0 ? ExitCodes.AdminError : code;   // a typo must not look like drift
        }
        catch (Exception e)
        {
            return Report(e, args, error, clock);
        }
    }

    private static int Report(Exception exception, string[] args, TextWriter error, TimeProvider clock)
    {
        // Work spread over both cores fails as an AggregateException: what matters is what failed inside.
        var inner = exception is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.Flatten().InnerExceptions[0] : exception;
        var code = inner switch
        {
            LcvException e => e.ExitCode,
            LibGit2SharpException or IOException or UnauthorizedAccessException => ExitCodes.EnvironmentFailed,
            _ => ExitCodes.Bug,
        };
        if (code != ExitCodes.Bug)
        {
            error.WriteLine($"lcv: {LcvException.Describe(inner)}");
            return code;
        }

        var log = Path.Combine(Path.GetTempPath(), "lcv-error.log");
        // The command only, never its arguments: they can hold a URL with a token, a password, a path an admin would not share.
        File.AppendAllText(log, $"{clock.GetUtcNow():O} lcv {args.FirstOrDefault()}\n{inner}\n\n");
        error.WriteLine($"lcv: {LcvException.Describe(inner)}. This is a bug in lcv; the details are in {log}.");
        return ExitCodes.Bug;
    }
}
