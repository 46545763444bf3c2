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
internal sealed class ExportIngester(VaultRepository vault, LyncCatalog catalog, Action<string> warn)
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
            var snapshot = Read(files, filter);
            var when = at ?? snapshot.ExportedAt;
            CheckNotOlderThanHead(when, files);
            var result = new SnapshotStore(vault, catalog, filter).Store(snapshot, when);
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

    /// <summary>Normalizes the files of one run; two exports of the same kind in one run is an error.</summary>
    public Snapshot Read(IReadOnlyList<string> files, NoiseFilter filter)
    {
        var normalizer = new ExportNormalizer(catalog, filter);
        var objects = new Dictionary<string, LyncObject>(StringComparer.Ordinal);
        var exports = new List<ExportRecord>();
        var parts = new List<string>();
        var results = files.Select(f => normalizer.Normalize(ExportArchive.Open(f, ArchiveLimits.Default), File.GetLastWriteTimeUtc(f))).ToList();

        // The topology inside Export-CsConfiguration wins over a separate Get-CsTopology file of the same night.
        var cmsHasTopology = results.Any(r => r.Record.Kind == ExportKind.Cms && r.Parts.Contains("topology"));
        foreach (var result in results)
        {
            if (exports.FirstOrDefault(e => e.Kind == result.Record.Kind) is { } twin)
            {
                throw LcvException.BadExport(result.Record.Source, $"is a second {result.Record.Kind} export in one run (the first is {twin.Source}); ingest them one run at a time.");
            }

            exports.Add(result.Record);
            if (result.Record.Kind == ExportKind.Topology && cmsHasTopology)
            {
                continue;
            }

            parts.AddRange(result.Parts.Except(parts));
            foreach (var obj in result.Objects)
            {
                objects[obj.Path] = obj;
            }
        }

        return new Snapshot(objects, exports, parts);
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
