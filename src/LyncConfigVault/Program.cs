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

        return Run(args, console, Console.Error);
    }

    /// <summary>Parse, invoke, and the one catch: an admin sees one line in Lync terms, never a stack trace.</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter error)
    {
        var root = new RootCommand("LyncConfigVault: configuration history and diffs for Lync Server and Skype for Business Server")
        {
            new InitCommand(console),
            new IngestCommand(console),
            new BackupCommand(console),
            new CredentialCommand(console),
            new BackfillCommand(console),
            new StatusCommand(console),
            new RunsCommand(console),
            new DiffCommand(console),
            new LogCommand(console),
            new ShowCommand(console),
            new DriftCommand(console),
            new RestoreCommand(console),
            new NotifyCommand(console),
            new RouteCommand(console),
            new CheckCommand(console),
            new TestCommand(console),
            new BaselineCommand(console),
            new RemoteCommand(console),
            new ScheduleCommand(console),
            new GitSetupCommand(console),
            new TextconvCommand(console),
            new DemoCommand(console),
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
            return Report(e, args, error);
        }
    }

    private static int Report(Exception exception, string[] args, TextWriter error)
    {
        switch (exception)
        {
            // Work spread over both cores fails as an AggregateException: what matters is what failed inside.
            case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                return Report(aggregate.Flatten().InnerExceptions[0], args, error);
            case LcvException e:
                error.WriteLine($"lcv: {e.Message}");
                return e.ExitCode;
            case LibGit2SharpException e:
                error.WriteLine($"lcv: Git failed: {e.Message}");
                return ExitCodes.EnvironmentFailed;
            case IOException e:
                error.WriteLine($"lcv: {e.Message}");
                return ExitCodes.EnvironmentFailed;
            default:
                var log = Path.Combine(Path.GetTempPath(), "lcv-error.log");
                File.AppendAllText(log, $"{DateTimeOffset.Now:O} lcv {string.Join(' ', args)}\n{exception}\n\n");
                error.WriteLine($"lcv: internal error ({exception.GetType().Name}: {exception.Message}). This is a bug in lcv; the details are in {log}.");
                return ExitCodes.Bug;
        }
    }
}
