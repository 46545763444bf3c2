using System.Diagnostics;
using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Unpack;

namespace LyncConfigVault.Vault;

/// <summary>What one ingest run stored, for the command to print.</summary>
internal sealed record IngestResult(StoreResult Store, Snapshot Snapshot, DateTimeOffset When);

/// <summary>
/// One run: export files → unpack → normalize → one snapshot → one commit (or none). Holds the vault
/// lock for the whole run and records the run, whatever its outcome.
/// </summary>
internal sealed class ExportIngester(VaultRepository vault, LyncCatalog catalog, Action<string> warn, Func<NoiseFilter, IChangeDescriber>? describer = null)
{
    public IngestResult Ingest(IReadOnlyList<string> files, DateTimeOffset? at, string command)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        using var runLock = RunLock.Acquire(vault.StateFolder, command, warn);
        try
        {
            vault.FinishInterruptedCheckout(warn);
            vault.EnsureUnedited();
            var filter = vault.Filters(catalog);
            var snapshot = new ExportSetReader(catalog, filter, vault.PersonalData()).Read(files);
            var when = at ?? snapshot.ExportedAt;
            CheckNotOlderThanHead(when, files);
            var result = new SnapshotStore(vault, catalog, filter, describer?.Invoke(filter)).Store(snapshot, when);
            RunHistory.Append(vault.StateFolder, new RunRecord(started, command, result.Commit is null ? RunRecord.Unchanged : RunRecord.Committed,
                when, result.Commit, result.Summary, snapshot.Exports.Select(e => $"{e.Kind.ToString().ToLowerInvariant()} {e.Source}").ToList(), result.Stale, clock.ElapsedMilliseconds));
            return new IngestResult(result, snapshot, when);
        }
        catch (LcvException e)
        {
            RunHistory.Append(vault.StateFolder, new RunRecord(started, command, RunRecord.Failed, null, null, e.Message, files.ToList(), [], clock.ElapsedMilliseconds));
            throw;
        }
    }

    private void CheckNotOlderThanHead(DateTimeOffset when, IReadOnlyList<string> files)
    {
        var head = vault.Head;
        if (VaultLayout.HasSnapshot(head.Tree) && when < head.Author.When)
        {
            throw LcvException.BadExport(files[0],
                $"was exported {when.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}, before the latest snapshot ({head.Author.When.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}): storing it would run history backwards. Give --at to date it, or use a new vault for old backups.");
        }
    }
}
