using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Formats.CliXml;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize.Lis;
using LyncConfigVault.Normalize.Rgs;
using LyncConfigVault.Normalize.Users;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Recognizes an export by its content (never its file name) and normalizes it into objects,
/// with the record of what was read for the run manifest.
/// </summary>
/// <param name="serverZone">The zone the exporting server's clock was in: a ZIP entry's time has none of its own.</param>
internal sealed class ExportNormalizer(LyncCatalog catalog, NoiseFilter filter, TimeZoneInfo serverZone, PersonalDataPolicy? personal = null)
{
    public sealed record Result(ExportRecord Record, IReadOnlyList<LyncObject> Objects, IReadOnlyList<string> Parts)
    {
        /// <summary>Binary files by vault path (Response Group audio), stored once by content hash.</summary>
        public IReadOnlyDictionary<string, byte[]> Blobs { get; init; } = new Dictionary<string, byte[]>();
    }

    /// <param name="userDataPool">The Registrar pool a user data archive is for when its file name does not say (lcv ingest --pool).</param>
    public Result Normalize(ExportArchive archive, DateTimeOffset fileTime, string? userDataPool = null)
    {
        var exportedAt = archive.EntryClock is { } clock ? WallClock.In(clock, serverZone) : fileTime;
        if (archive.IsZip)
        {
            return NormalizeZip(archive, exportedAt, userDataPool);
        }

        var document = SafeXml.Load(archive.Entry("")!, archive.File, "");
        var root = document.Root!;
        switch (root.Name.LocalName)
        {
            case var name when catalog.Playing(ObjectRole.Topology).Elements.Contains(name, StringComparer.OrdinalIgnoreCase):
                var objects = new TopologyNormalizer(catalog, filter).Normalize(root, archive.File);
                return new Result(Record(ExportKind.Topology, archive, exportedAt), objects, [VaultPaths.PartOf(ExportKind.Topology, null)]);
            case "DocItemSet":
                return Cms(archive, new CmsNormalizer(catalog, filter).Normalize(document, archive.File), exportedAt);   // already parsed: no second read
            case "TopologyBuilder":
                throw LcvException.BadExport(archive.File, "is a Topology Builder file (.tbxml), not a published topology. Save the published one with (Get-CsTopology -AsXml).ToString().");
            case var _ when LisNormalizer.IsLis(document):
                return Lis(archive, [("", document)], exportedAt);
            case "Objs" when UserPolicies(document, archive.File) is { } users:
                return new Result(Record(ExportKind.UserPolicies, archive, exportedAt), new UserPolicyNormalizer(catalog, personal ?? PersonalDataPolicy.Ephemeral).Normalize(users, archive.File),
                    [VaultPaths.PartOf(ExportKind.UserPolicies, null)]);
            case "HomedResources":
                throw LcvException.BadExport(archive.File, "is Lync 2010 user data (DBImpExp.exe); lcv reads the Export-CsUserData archives of Lync 2013 and later, not this format.");
            default:
                throw LcvException.BadExport(archive.File, $"is an XML document with root <{root.Name.LocalName}>, which no Lync export writes.");
        }
    }

    private Result NormalizeZip(ExportArchive archive, DateTimeOffset exportedAt, string? userDataPool)
    {
        var docItemSet = archive.DocItemSetEntry();
        if (docItemSet is not null && UserDataNormalizer.IsUserData(archive.OpenEntry(docItemSet), archive.File))
        {
            var pool = UserDataPool(archive.File, userDataPool);
            var users = new UserDataNormalizer(catalog, filter, personal ?? PersonalDataPolicy.Ephemeral).Normalize(archive.OpenEntry(docItemSet), archive.File, docItemSet, pool);
            return new Result(Record(ExportKind.UserData, archive, exportedAt) with { Pool = pool }, users, [VaultPaths.PartOf(ExportKind.UserData, pool)]);
        }

        if (docItemSet is not null)
        {
            return Cms(archive, new CmsNormalizer(catalog, filter).Normalize(archive.Entry(docItemSet)!, archive.File, docItemSet), exportedAt);
        }

        if (RgsNormalizer.IsRgsExport(archive))
        {
            var rgs = new RgsNormalizer(catalog, filter).Normalize(archive);
            return new Result(Record(ExportKind.Rgs, archive, exportedAt) with { Pool = rgs.Pool }, rgs.Objects, [VaultPaths.PartOf(ExportKind.Rgs, rgs.Pool)]) { Blobs = rgs.Blobs };
        }

        var lis = archive.EntryNames.Where(n => n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Select(n => (Entry: n, Document: SafeXml.Load(archive.Entry(n)!, archive.File, n)))
            .ToList();
        if (lis.Count > 0 && lis.Any(d => LisNormalizer.IsLis(d.Document)))
        {
            return Lis(archive, lis, exportedAt);
        }

        if (PersistentChatNormalizer.IsPersistentChat(archive))
        {
            var chat = new PersistentChatNormalizer(catalog, personal ?? PersonalDataPolicy.Ephemeral).Normalize(archive);
            return new Result(Record(ExportKind.PersistentChat, archive, exportedAt), [chat], [VaultPaths.PartOf(ExportKind.PersistentChat, null)]);
        }

        var names = string.Join(", ", archive.EntryNames.Take(3)) + (archive.EntryNames.Count > 3 ? ", …" : "");
        throw LcvException.BadExport(archive.File, $"is a ZIP archive without DocItemSet.xml ({names}): not an Export-CsConfiguration archive.");
    }

    // A user data archive does not name its pool: lcv's collector puts it in the file name, an admin gives it with --pool.
    private static string UserDataPool(string file, string? given)
    {
        var named = UserDataNormalizer.PoolFromFileName(file);
        if (given is null)
        {
            return named ?? throw LcvException.BadExport(file, "is an Export-CsUserData archive whose name does not say which Registrar pool it is for: give it with --pool pool01.contoso.com (or name the file UserData-pool01.contoso.com.zip).");
        }

        return named is null || named.Equals(given, StringComparison.OrdinalIgnoreCase)
            ? given.ToLowerInvariant()
            : throw LcvException.BadExport(file, $"is named for the pool {named}, but --pool says {given}: rename the file or give the pool it holds.");
    }

    private static List<CliValue>? UserPolicies(XDocument document, string file) =>
        CliXmlReader.IsCliXml(document) && CliXmlReader.Read(document, file, "") is var values && UserPolicyNormalizer.IsUserPolicies(values) ? values : null;

    private Result Lis(ExportArchive archive, List<(string Entry, XDocument Document)> documents, DateTimeOffset exportedAt) =>
        new(Record(ExportKind.Lis, archive, exportedAt), new LisNormalizer(catalog, filter).Normalize(documents), [VaultPaths.PartOf(ExportKind.Lis, null)]);

    private static Result Cms(ExportArchive archive, List<LyncObject> objects, DateTimeOffset exportedAt)
    {
        if (objects.Any(o => o.Noun == "DocItem" && o.Identity.ToString().StartsWith("urn:lcd:", StringComparison.OrdinalIgnoreCase)))
        {
            throw LcvException.BadExport(archive.File, "mixes user data (urn:lcd: items) into a configuration export: the archive is damaged or hand-made; export each again.");
        }

        var (cms, topology) = (VaultPaths.PartOf(ExportKind.Cms, null), VaultPaths.PartOf(ExportKind.Topology, null));
        var parts = objects.Any(o => o.Path.StartsWith(topology + "/", StringComparison.Ordinal)) ? new[] { cms, topology } : [cms];
        return new Result(Record(ExportKind.Cms, archive, exportedAt), objects, parts);
    }

    private static ExportRecord Record(ExportKind kind, ExportArchive archive, DateTimeOffset exportedAt) =>
        new(kind, Path.GetFullPath(archive.File), ExportArchive.Sha256(archive.RawBytes), archive.RawBytes.Length, exportedAt, archive.Records());
}
