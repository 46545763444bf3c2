using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Report;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>What a backup would collect here and how, as lcv backup --plan prints it.</summary>
internal sealed record BackupPlan(CollectionSite Site, IReadOnlyList<PlannedExport> Exports, string? PoolFailure);

/// <summary>
/// lcv backup as one run: the scope taken before the first export (the lock and the hand-edit check come
/// before an hour of exports, not after), the session, the collection and the store, then the after-run step.
/// </summary>
internal sealed class BackupJob(VaultRepository vault, LyncCatalog catalog, IBackupWatcher watcher)
{
    /// <summary>Asks the deployment what it is and has; collects nothing, commits nothing.</summary>
    public BackupPlan Plan(BackupSettings settings)
    {
        using var session = Open(settings);
        return new BackupPlan(session.Site, session.Plan(settings.Exports, "<raw folder>", settings.OnlyPools), session.PoolFailure);
    }

    public RunOutcome<BackupResult> Run(BackupSettings settings)
    {
        var after = new AfterRun(vault, catalog, watcher);
        var result = after.Guarded("backup", () => RunScope.Run(vault, "backup", settings.Exports, watcher.Warning, run =>
        {
            using var session = Open(settings);
            var raw = BackupRun.NewRawFolder(settings.RawRoot, vault.Now);
            var plan = session.Plan(settings.Exports, raw, settings.OnlyPools);
            var backup = new BackupRun(catalog, CommitDescriber.Factory(catalog));
            return backup.Run(run, session.Host, plan, session.Site, raw, settings.Timeout, settings.KeepRawDays, settings.Simulated is null ? null : vault.Now, watcher.Progress, session.PoolFailure);
        }));
        watcher.Collected(result);
        var pushes = after.Serve(result.Stored, result.Failures, result.RawFolder, result.Exports.Select(e => (e.Task.DisplayName, e.Succeeded)).ToList());
        return new RunOutcome<BackupResult>(result, pushes);
    }

    private BackupSession Open(BackupSettings settings)
    {
        var simulated = settings.Simulated is { } deployment ? (deployment, SimulatedNight()) : ((SimulatedDeployment, SyntheticNight)?)null;
        return BackupSession.Open(settings.HostKind, settings.Modules, settings.Remote, settings.Credential, settings.Share, simulated, settings.Exports, settings.Timeout, watcher.Progress);
    }

    /// <summary>
    /// Each simulated backup collects the demo deployment's next night: one more than the backups that read it
    /// so far, committed or not (a night with only re-export noise leaves no commit, and must not repeat forever).
    /// The snapshot is dated when it was collected (the simulated archive's own clock is the demo's).
    /// </summary>
    private SyntheticNight SimulatedNight()
    {
        var night = RunHistory.Read(vault.StateFolder).Count(r => r.Command == "backup" && r.ReadLync) + 1;
        return SyntheticNights.Generate(1, night, parts: SyntheticParts.All).Last();
    }
}
