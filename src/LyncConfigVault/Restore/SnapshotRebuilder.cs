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
    private const string ContentTypes = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"text/xml\" /></Types>";

    /// <summary>The parts of a snapshot that are rebuilt, by vault part: cms, topology, rgs/&lt;pool&gt;, lis.</summary>
    public static bool IsRestorable(string part) => part is "cms" or "topology" or "lis" || part.StartsWith("rgs/", StringComparison.Ordinal);

    public List<RebuiltExport> Build(GitObjectSource snapshot, IReadOnlyCollection<string> parts)
    {
        var time = snapshot.Commit.Author.When;
        var exports = new List<RebuiltExport>();
        List<YMap> Under(string part) => [.. snapshot.ReadMany(snapshot.FilesUnder(part).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)))];
        if (parts.Contains("cms"))
        {
            // Every Export-CsConfiguration archive holds the topology: the rebuilt one too, whatever --part says,
            // or its Service-scoped settings (trunks, registrars) would name services nothing defines.
            var xml = ExportRebuilder.DocItemSetBytes(Under("cms").Concat(Under("topology")));   // in the encoding it was read in (FORMATS.md §2.9.1)
            exports.Add(new RebuiltExport("CsConfiguration.zip", ZipWriter.Write(time, [("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes)), ("DocItemSet.xml", xml)]), "cms",
                "Import-CsConfiguration -FileName (Join-Path $PSScriptRoot 'CsConfiguration.zip')",
                "The Central Management Store: policies, dial plans, routes, trunks, and the topology, which every CMS export holds. On an Edge Server (local store only) add -LocalStore."));
        }
        else if (parts.Contains("topology") && ExportRebuilder.Topology(Under("topology")) is { } topology)
        {
            exports.Add(new RebuiltExport("Topology.xml", Encoding.UTF8.GetBytes(topology.ToString()), "topology",
                "Publish-CsTopology -FileName (Join-Path $PSScriptRoot 'Topology.xml')",
                "The published topology (this snapshot holds it without the rest of the store)."));
        }

        foreach (var part in parts.Where(p => p.StartsWith("rgs/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var pool = part["rgs/".Length..];
            var bytes = new RgsRebuilder(sha => Blob(snapshot, sha)).Archive(Under(part), time);
            exports.Add(new RebuiltExport($"RgsConfig-{pool}.zip", bytes, part,
                $"Import-CsRgsConfiguration -Destination 'service:ApplicationServer:{pool}' -FileName (Join-Path $PSScriptRoot 'RgsConfig-{pool}.zip') -OverwriteOwner",
                $"The Response Groups of {pool}: workflows, queues, agent groups, hours, holidays and their audio."));
        }

        if (parts.Contains("lis"))
        {
            exports.Add(new RebuiltExport("E911Config.zip", new LisRebuilder(catalog).Archive(Under("lis"), time), "lis",
                "Import-CsLisConfiguration -FileName (Join-Path $PSScriptRoot 'E911Config.zip'); Publish-CsLisConfiguration",
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
