namespace LyncConfigVault.Vault;

/// <summary>One part the vault holds, and how many runs that read Lync have gone by since one collected it.</summary>
/// <param name="LastCollected">When a run last read it; null when no run the log remembers did.</param>
internal sealed record PartHealth(string Part, DateTimeOffset? LastCollected, int RunsSince, bool Stale);

/// <summary>
/// Which parts the runs keep collecting and which only get carried forward: a pool that was retired, or
/// an export nobody asks for any more, is stale after a number of runs (collect.staleAfterRuns).
/// </summary>
internal static class PartHealthReader
{
    public static IReadOnlyList<PartHealth> Of(VaultRepository vault)
    {
        var threshold = vault.Config.Collect.StaleAfterRuns ?? CollectSettings.DefaultStaleAfterRuns;
        // Runs recorded before lcv kept the parts of a run say nothing about them: only newer ones count.
        var runs = RunHistory.Read(vault.StateFolder).Where(r => r.ReadLync && r.Parts.Count > 0).Reverse().ToList();
        var result = new List<PartHealth>();
        foreach (var part in VaultLayout.PartsIn(vault.Head.Tree))
        {
            var since = runs.FindIndex(r => VaultLayout.Covers(r.Parts, part));
            var runsSince = since < 0 ? runs.Count : since;
            result.Add(new PartHealth(part, since < 0 ? null : runs[since].Started, runsSince, runsSince >= threshold));
        }

        return result;
    }

    /// <summary>"rgs/oldpool01…: not collected in the last 9 runs (last 2026-11-02 02:13); …", for status and doctor alike.</summary>
    public static string Describe(PartHealth part) =>
        $"{part.Part}: not collected in the last {part.RunsSince} runs ({(part.LastCollected is { } when ? "last " + when.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "never, as far as the run log goes back")}); "
        + $"if it is gone for good, lcv part retire {part.Part}";
}
