using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Layout;
using LyncConfigVault.Restore;

namespace LyncConfigVault.Inspect;

/// <summary>
/// What lcv makes of one export file, for an admin's first run on a real server (lcv inspect): the
/// export it recognized, how much of a configuration export became catalog objects and what was kept
/// generically and why, how the file spelled its configuration, and whether rebuilding it gives back
/// the same objects. Reads only; the vault is never touched.
/// </summary>
internal sealed class ExportInspector(LyncCatalog catalog, NoiseFilter filter)
{
    public Inspection Inspect(string file)
    {
        var archive = ExportArchive.Open(file, ArchiveLimits.Default);
        var entry = archive.DocItemSetEntry();
        var bytes = entry is null ? null : archive.Entry(entry);
        if (bytes is null || !IsConfiguration(bytes, file, entry!))
        {
            // Not a configuration export: what lcv recognized it as, from the same reader a run uses.
            var other = new ExportNormalizer(catalog, filter, TimeZoneInfo.Utc).Normalize(archive, DateTimeOffset.UnixEpoch);
            return new Inspection(file, other.Record.Kind, other.Objects.Count, null, Ignored(archive, null));
        }

        var normalizer = new CmsNormalizer(catalog, filter);
        var objects = normalizer.Normalize(bytes, file, entry!);
        var reading = normalizer.Reading;
        return new Inspection(file, ExportKind.Cms, objects.Count, new CmsInspection(reading, RoundTrip(objects, file)), Ignored(archive, entry));
    }

    // A DocItemSet, but not Export-CsUserData's: that one shares the name and holds urn:lcd: user data.
    private static bool IsConfiguration(byte[] bytes, string file, string entry) =>
        SafeXml.Read(bytes, file, entry, reader => reader.MoveToContent() == System.Xml.XmlNodeType.Element && reader.LocalName == "DocItemSet")
        && !Normalize.Users.UserDataNormalizer.IsUserData(new MemoryStream(bytes, writable: false), file);

    /// <summary>The objects rebuilt into a DocItemSet.xml in the layout they were read from, read again, compared file by file.</summary>
    private RoundTrip RoundTrip(List<LyncObject> objects, string file)
    {
        var stored = objects.Select(o => YamlText.Read(YamlText.Write(o.Content), o.Path)).ToList();
        var again = new CmsNormalizer(catalog, filter).Normalize(new ExportRebuilder(catalog).DocItemSetBytes(stored), file, "rebuilt DocItemSet.xml").ToDictionary(o => o.Path, StringComparer.Ordinal);
        var differing = new List<string>();
        foreach (var obj in objects)
        {
            if (!again.Remove(obj.Path, out var rebuilt) || YamlText.Write(rebuilt.Content) != YamlText.Write(obj.Content))
            {
                differing.Add(obj.DisplayName);
            }
        }

        differing.AddRange(again.Values.Select(o => o.DisplayName));
        return new RoundTrip(differing.Count == 0, differing.Count, differing.Order(StringComparer.Ordinal).Take(5).ToList());
    }

    private static List<IgnoredEntry> Ignored(ExportArchive archive, string? read)
    {
        if (!archive.IsZip)
        {
            return [];
        }

        var records = archive.Records().ToDictionary(r => r.Name, StringComparer.Ordinal);
        return archive.EntryNames
            .Where(n => read is null ? false : !n.Equals(read, StringComparison.Ordinal))
            .Select(n => new IgnoredEntry(n, records.TryGetValue(n, out var r) ? r.Size : 0))
            .ToList();
    }
}

/// <summary>One inspected file: the export recognized and, for a configuration export, how it was read.</summary>
internal sealed record Inspection(string File, ExportKind Kind, int Objects, CmsInspection? Cms, IReadOnlyList<IgnoredEntry> IgnoredEntries);

internal sealed record CmsInspection(CmsReading Reading, RoundTrip RoundTrip);

/// <summary>Whether the rebuilt export reads back as the same objects; the first few that do not.</summary>
internal sealed record RoundTrip(bool Exact, int Differing, IReadOnlyList<string> Examples);

/// <summary>A ZIP entry lcv passes over (it is recorded in the run manifest, never read).</summary>
internal sealed record IgnoredEntry(string Name, long Size);
