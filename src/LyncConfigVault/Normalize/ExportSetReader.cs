using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize.Users;

namespace LyncConfigVault.Normalize;

/// <summary>The export files of one run (or one side of a diff), normalized into one snapshot.</summary>
/// <param name="serverZone">The zone the exporting servers' clocks were in (the vault's time zone).</param>
internal sealed class ExportSetReader(LyncCatalog catalog, NoiseFilter filter, TimeZoneInfo serverZone, PersonalDataPolicy? personal = null)
{
    /// <summary>Normalizes the files of one run; two exports of the same kind in one run is an error.</summary>
    /// <param name="userDataPool">The Registrar pool of a user data archive whose name does not say (lcv ingest --pool).</param>
    public Snapshot Read(IReadOnlyList<string> files, string? userDataPool = null)
    {
        var normalizer = new ExportNormalizer(catalog, filter, serverZone, personal);
        var objects = new Dictionary<string, LyncObject>(StringComparer.Ordinal);
        var exports = new List<ExportRecord>();
        var parts = new List<string>();
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var results = files.Select(f => normalizer.Normalize(ExportArchive.Open(f, ArchiveLimits.Default), File.GetLastWriteTimeUtc(f), userDataPool)).ToList();

        // The topology inside Export-CsConfiguration wins over a separate Get-CsTopology file of the same night.
        var cmsHasTopology = results.Any(r => r.Record.Kind == ExportKind.Cms && r.Parts.Contains(VaultPaths.PartOf(ExportKind.Topology, null)));
        foreach (var result in results)
        {
            if (exports.FirstOrDefault(e => e.Label == result.Record.Label) is { } twin)
            {
                var what = result.Record.Pool is null ? result.Record.Kind.ToString() : $"{result.Record.Kind} export of {result.Record.Pool}";
                throw LcvException.BadExport(result.Record.Source, $"is a second {what} in one run (the first is {twin.Source}); ingest them one run at a time.");
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

            foreach (var (path, bytes) in result.Blobs)
            {
                blobs[path] = bytes;
            }
        }

        return new Snapshot(objects, exports, parts) { Blobs = blobs };
    }
}
