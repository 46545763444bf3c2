using LyncConfigVault.Vault;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>Prints what pushing did and picks the exit code: 3 when a remote failed (the snapshot itself is kept).</summary>
internal static class PushReporter
{
    public static int Print(IAnsiConsole console, IReadOnlyList<PushOutcome> pushes)
    {
        foreach (var push in pushes)
        {
            if (push.Failure is null)
            {
                console.MarkupLineInterpolated($"    [grey]pushed to {push.Remote} ({push.Url})[/]");
            }
            else
            {
                console.MarkupLineInterpolated($"    [red]push to {push.Remote} ({push.Url}) failed:[/] {push.Failure} — the snapshot is kept here and the next run tries again");
            }
        }

        return pushes.Any(p => p.Failure is not null) ? ExitCodes.EnvironmentFailed : ExitCodes.Ok;
    }
}
