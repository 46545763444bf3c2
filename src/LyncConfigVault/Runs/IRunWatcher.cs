using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>
/// What a run tells the admin who started it, in the order it happens: the run decides, the command prints.
/// Output must come out while the run goes (a warning between the stored snapshot and its push), not as one
/// report at the end, so a run hands each step to its watcher as soon as the step is done.
/// </summary>
internal interface IRunWatcher
{
    /// <summary>A step of a long run (asking the deployment, each export).</summary>
    void Progress(string line);

    void Warning(string message);

    /// <summary>A snapshot stored (or found unchanged); <paramref name="listObjects"/> when the admin wants its objects named.</summary>
    void Stored(string label, IngestResult result, bool listObjects);

    /// <summary>What the after-run check found in the snapshot just committed.</summary>
    void Checked(RunCheck check);

    void Pushed(IReadOnlyList<PushOutcome> pushes);
}

/// <summary>A backup's own news: every export's outcome, what was stored and what could not be collected.</summary>
internal interface IBackupWatcher : IRunWatcher
{
    void Collected(BackupResult result);
}

/// <summary>A backfill's own news: each old backup skipped or not readable, then the count.</summary>
internal interface IBackfillWatcher : IRunWatcher
{
    void Skipped(string label);

    void NotStored(string label, string reason);

    void Finished(BackfillSummary summary);
}

/// <summary>The demo's own news: the vault it made, and each night nobody changed anything.</summary>
internal interface IDemoWatcher : IRunWatcher
{
    void Created(string vaultRoot);

    /// <summary>A night whose export differs from the one before only in signatures, order and formatting.</summary>
    void NothingChanged();
}
