using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize.Rgs;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Restore;

/// <summary>
/// A snapshot → the export files the Lync import cmdlets take, in the layouts of FORMATS.md: the CMS
/// archive (with the topology inside), one Response Group archive per pool, the LIS archive. User data
/// and persistent chat are not rebuilt: what the vault keeps of them is redacted by design.
/// </summary>
internal sealed class SnapshotRebuilder(LyncCatalog catalog)
{
    private static readonly ExportKindEntry Cms = ExportKinds.Of(ExportKind.Cms);
    private static readonly ExportKindEntry Topology = ExportKinds.Of(ExportKind.Topology);
    private static readonly ExportKindEntry Rgs = ExportKinds.Of(ExportKind.Rgs);
    private static readonly ExportKindEntry Lis = ExportKinds.Of(ExportKind.Lis);

    private const string ContentTypes = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"text/xml\" /></Types>";

    public List<RebuiltExport> Build(GitObjectSource snapshot, IReadOnlyCollection<string> parts)
    {
        var time = snapshot.Commit.Author.When;
        var exports = new List<RebuiltExport>();
        List<YMap> Under(string part) => [.. snapshot.ReadMany(snapshot.FilesUnder(part).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)))];
        if (parts.Contains(Cms.Part))
        {
            // Every Export-CsConfiguration archive holds the topology: the rebuilt one too, whatever --part says,
            // or its Service-scoped settings (trunks, registrars) would name services nothing defines.
            var xml = new ExportRebuilder(catalog).DocItemSetBytes(Under(Cms.Part).Concat(Under(Topology.Part)));   // in the encoding it was read in (FORMATS.md §2.9.1)
            exports.Add(new RebuiltExport("CsConfiguration.zip", ZipWriter.Write(time, [("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes)), ("DocItemSet.xml", xml)]), Cms.Part,
                $"{Cms.RestoredBy} -FileName (Join-Path $PSScriptRoot 'CsConfiguration.zip')",
                "The Central Management Store: policies, dial plans, routes, trunks, and the topology, which every CMS export holds. On an Edge Server (local store only) add -LocalStore."));
        }
        else if (parts.Contains(Topology.Part) && new ExportRebuilder(catalog).Topology(Under(Topology.Part)) is { } topology)
        {
            exports.Add(new RebuiltExport("Topology.xml", Encoding.UTF8.GetBytes(topology.ToString()), Topology.Part,
                $"{Topology.RestoredBy} -FileName (Join-Path $PSScriptRoot 'Topology.xml')",
                "The published topology (this snapshot holds it without the rest of the store)."));
        }

        foreach (var part in parts.Where(Rgs.Owns).Order(StringComparer.Ordinal))
        {
            var pool = part[(Rgs.Part.Length + 1)..];
            var bytes = new RgsRebuilder(catalog, sha => Blob(snapshot, sha)).Archive(Under(part), time);
            exports.Add(new RebuiltExport($"RgsConfig-{pool}.zip", bytes, part,
                $"{Rgs.RestoredBy} -Destination 'service:ApplicationServer:{pool}' -FileName (Join-Path $PSScriptRoot 'RgsConfig-{pool}.zip') -OverwriteOwner",
                $"The Response Groups of {pool}: workflows, queues, agent groups, hours, holidays and their audio."));
        }

        if (parts.Contains(Lis.Part))
        {
            exports.Add(new RebuiltExport("E911Config.zip", new LisRebuilder(catalog).Archive(Under(Lis.Part), time), Lis.Part,
                $"{Lis.RestoredBy} -FileName (Join-Path $PSScriptRoot 'E911Config.zip'); Publish-CsLisConfiguration",
                "E9-1-1 locations and their subnets, access points, switches and ports. The import adds what is missing; it does not delete locations added since."));
        }

        return exports;
    }

    private static byte[]? Blob(GitObjectSource snapshot, string sha)
    {
        lock (snapshot.Git)
        {
            return (snapshot.Commit[$"{RgsNormalizer.BlobFolder}/{sha}"]?.Target as LibGit2Sharp.Blob)?.GetContentStream() is { } stream
                ? ReadAll(stream)
                : null;
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
