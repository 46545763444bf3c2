using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Users;

namespace LyncConfigVault.Restore;

/// <summary>
/// Before anything is written: the rebuilt exports are normalized exactly as a run would, and must
/// equal the snapshot they came from. A rebuild that would restore something else is refused, naming the object.
/// </summary>
internal sealed class RestoreProof(LyncCatalog catalog, NoiseFilter filter, PersonalDataPolicy personal)
{
    public void Check(GitObjectSource snapshot, IReadOnlyList<RebuiltExport> exports, IReadOnlyCollection<string> parts, string folder)
    {
        // Only objects are compared, never dates: the zone the rebuilt archives' times are read in does not matter.
        var files = exports.Select(e => Path.Combine(folder, e.FileName)).ToList();
        var rebuilt = new ExportObjectSource(new ExportSetReader(catalog, filter, TimeZoneInfo.Utc, personal).Read(files), "rebuilt");
        var report = new SnapshotDiffer(catalog, filter).Compare(snapshot, rebuilt, parts);
        if (!report.IsEmpty)
        {
            var first = report.Changes[0];
            var property = first.Properties.Count > 0 ? $" ({first.Properties[0].Path})" : "";
            throw LcvException.Bug($"The rebuilt exports would not restore the snapshot exactly: {first.DisplayName} {first.Kind.ToString().ToLowerInvariant()}{property}. Nothing was written; the vault is intact. Please report this.");
        }
    }
}
