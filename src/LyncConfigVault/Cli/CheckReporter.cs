using LyncConfigVault.Runs;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// After a run that committed: one line on the new snapshot's broken references, and one on its voice test
/// cases when any fails. Reported, never blocking: the snapshot is history either way.
/// </summary>
internal static class CheckReporter
{
    public static void Print(IAnsiConsole console, RunCheck check)
    {
        var findings = check.Findings;
        if (findings.Count > 0)
        {
            var kinds = string.Join(", ", findings.GroupBy(f => f.KindName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            console.MarkupLineInterpolated($"[yellow]lcv check: {findings.Count} finding(s) in this snapshot ({kinds}); lcv check lists them.[/]");
        }

        var failed = check.FailedTests.Select(r => r.Case.Identity).ToList();
        if (failed.Count > 0)
        {
            console.MarkupLineInterpolated($"[yellow]lcv test: {failed.Count} of {check.VoiceTests.Count} voice test cases fail in this snapshot ({string.Join(", ", failed.Take(5))}{(failed.Count > 5 ? ", …" : "")}); lcv test explains them.[/]");
        }
    }
}
