using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>What one ingest run stored, for the command to print.</summary>
internal sealed record IngestResult(StoreResult Store, Snapshot Snapshot, DateTimeOffset When);

/// <summary>
/// Export files → unpack → normalize → one snapshot → one commit (or none), under a run's scope (its lock
/// and checks), and the run's record.
/// </summary>
internal sealed class ExportIngester(LyncCatalog catalog, Func<NoiseFilter, IChangeDescriber>? describer = null)
{
    /// <param name="failed">Exports of the same run that failed (a backup's): the run is partial, their parts carried forward and named.</param>
    /// <param name="userDataPool">The Registrar pool of a user data archive whose name does not say (lcv ingest --pool).</param>
    /// <param name="notes">A backup's product and what it could not collect: said in the commit's trailers and the run's record.</param>
    /// <param name="committing">Told the snapshot read once the store knows it will commit it (the after-run check starts then).</param>
    public IngestResult Ingest(RunScope run, IReadOnlyList<string> files, DateTimeOffset? at, IReadOnlyList<RunFailure>? failed = null, string? userDataPool = null, CollectionNotes? notes = null, Action<Snapshot>? committing = null)
    {
        failed ??= [];
        var vault = run.Vault;
        var filter = vault.Filters(catalog);
        var snapshot = new ExportSetReader(catalog, filter, vault.TimeZone, vault.PersonalData()).Read(files, userDataPool);
        var when = at ?? snapshot.ExportedAt;
        CheckDate(when, files);
        CheckNotOlderThanLatest(vault, when, files);
        var result = new SnapshotStore(vault, catalog, filter, describer?.Invoke(filter)).Store(snapshot, when, failed, notes, committing is null ? null : () => committing(snapshot));
        var outcome = failed.Count > 0 ? RunResult.Partial : result.Commit is null ? RunResult.Unchanged : RunResult.Committed;
        var summary = failed.Count == 0 ? result.Summary : $"{result.Summary}; {failed.Count} export(s) failed: {string.Join("; ", failed.Select(f => f.Export))}";
        run.Record(new RunRecord(run.Started, run.Command, outcome, when, result.Commit, summary,
            snapshot.Exports.Select(e => $"{e.Kind.ToString().ToLowerInvariant()} {e.Source}").ToList(), result.Stale.Select(s => s.Part).ToList(), run.ElapsedMs)
        {
            Failures = failed,
            Parts = snapshot.Parts,
            NotCollected = notes?.NotCollected ?? [],
        });
        return new IngestResult(result, snapshot, when);
    }

    // Lync Server did not exist before 2010, and dates far ahead are beyond what every Git tool reads back alike.
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void CheckDate(DateTimeOffset when, IReadOnlyList<string> files)
    {
        if (when < Earliest || when >= Latest)
        {
            throw LcvException.BadExport(files[0], $"would be dated {when.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}, outside the years a snapshot can have (2000 to 2099): give --at with the night it was exported.");
        }
    }

    // Settings commits after the latest snapshot are dated when the admin made them, not when Lync was exported: they do not count.
    private static void CheckNotOlderThanLatest(VaultRepository vault, DateTimeOffset when, IReadOnlyList<string> files)
    {
        if (vault.LatestSnapshot is { } latest && when < latest.Author.When)
        {
            throw LcvException.BadExport(files[0],
                $"was exported {when.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}, before the latest snapshot ({latest.Author.When.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}): storing it would run history backwards. Give --at to date it, or use a new vault for old backups.");
        }
    }
}
