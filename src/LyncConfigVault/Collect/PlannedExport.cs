namespace LyncConfigVault.Collect;

/// <summary>
/// One line of a backup's plan: an export (cms, rgs …) and what it is for (a pool, or the deployment), how it
/// is collected here (the cmdlet and how its result comes back), or why it is not.
/// </summary>
internal sealed record PlannedExport(string Export, string Target, ExportTask? Task, string How)
{
    /// <summary>Why this export is not collected here (the product lacks it, the remote session cannot bring it back); null when it is.</summary>
    public string? NotCollected { get; init; }

    public static PlannedExport Skipped(string export, string target, string why) => new(export, target, null, "not collected") { NotCollected = why };

    /// <summary>"rgs on pool01: not collected (…)", as the run's result and the commit's trailer say it.</summary>
    public string Line => $"{Export}{(Target == "*" ? "" : " on " + Target)}: {(NotCollected is null ? How : "not collected (" + NotCollected + ")")}";
}
