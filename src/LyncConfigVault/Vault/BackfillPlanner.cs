using System.IO.Compression;

namespace LyncConfigVault.Vault;

/// <summary>One backup to ingest: the export files of one night, and when they were exported.</summary>
internal sealed record BackfillRun(string Name, IReadOnlyList<string> Files, DateTimeOffset ExportedAt);

/// <summary>
/// Orders a folder of old backups by the exports' own time. New-SfBBackup.ps1 names folders
/// SfBBackup-yyyy-MM-dd-hh-mm-ss on the 12-hour clock, so the names alone do not sort: the ZIP
/// entries carry the exporting server's clock. Each sub-folder is one run; loose files are one run each.
/// </summary>
internal static class BackfillPlanner
{
    private static readonly string[] ExportExtensions = [".zip", ".xml", ".bak"];

    /// <param name="serverZone">The zone the exporting servers' clocks were in: ZIP entry times have none.</param>
    public static List<BackfillRun> Plan(string folder, TimeZoneInfo serverZone)
    {
        if (!Directory.Exists(folder))
        {
            throw new Model.LcvException($"{folder} is not a folder of backups.", folder);
        }

        var runs = new List<BackfillRun>();
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var files = ExportFiles(sub);
            if (files.Count > 0)
            {
                runs.Add(new BackfillRun(Path.GetFileName(sub), files, files.Max(f => ExportTime(f, serverZone))));
            }
        }

        runs.AddRange(ExportFiles(folder).Select(f => new BackfillRun(Path.GetFileName(f), [f], ExportTime(f, serverZone))));
        return runs.OrderBy(r => r.ExportedAt).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    private static List<string> ExportFiles(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => ExportExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The newest ZIP entry time, read from the central directory only; the file time when there is none.</summary>
    private static DateTimeOffset ExportTime(string file, TimeZoneInfo serverZone)
    {
        try
        {
            using var zip = ZipFile.OpenRead(file);
            if (zip.Entries.Count > 0)
            {
                return Model.WallClock.In(zip.Entries.Max(e => e.LastWriteTime.DateTime), serverZone);
            }
        }
        catch (InvalidDataException)
        {
            // Not a ZIP (a topology XML) or a damaged one: the ingest will say which.
        }

        return File.GetLastWriteTimeUtc(file);
    }
}
