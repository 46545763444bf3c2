using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Formats.CliXml;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Rgs;

/// <summary>
/// One pool's Export-CsRgsConfiguration archive → one YAML object per workflow, queue, agent group,
/// hours of business and holiday set (FORMATS.md §4.6, §4.8), references by Name, audio by SHA-256.
/// Files the catalog does not know are kept generically under rgs/&lt;pool&gt;/other/.
/// </summary>
internal sealed partial class RgsNormalizer(LyncCatalog catalog, NoiseFilter filter)
{
    public const string Role = "ApplicationServer";

    /// <summary>Where the bytes of audio files live in a vault: once, by content hash.</summary>
    public const string BlobFolder = ".lcv/blobs";

    public sealed record Result(string Pool, List<LyncObject> Objects, Dictionary<string, byte[]> Blobs);

    /// <summary>One top-level object of a known file, before it is laid out.</summary>
    private sealed record Item(CatalogEntry Entry, string File, CliObject Value, string? Guid, string FullName, string Name);

    public static bool IsRgsExport(ExportArchive archive) =>
        archive.EntryNames.Any(n => n.StartsWith("RgsImportExport/", StringComparison.OrdinalIgnoreCase));

    public Result Normalize(ExportArchive archive)
    {
        var entries = catalog.Entries.Where(e => e.Part == ExportKinds.Of(ExportKind.Rgs).Part).ToList();
        var items = new List<Item>();
        var others = new List<(string File, XDocument Document)>();
        var lists = new List<(CatalogEntry Entry, string File, List<CliValue> Values)>();
        foreach (var file in archive.EntryNames.Where(n => n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            var document = SafeXml.Load(archive.Entry(file)!, archive.File, file);
            var entry = entries.FirstOrDefault(e => e.Elements.Contains(Path.GetFileNameWithoutExtension(file), StringComparer.OrdinalIgnoreCase));
            if (!CliXmlReader.IsCliXml(document) || entry is null)
            {
                others.Add((file, document));
                continue;
            }

            var values = CliXmlReader.Read(document, archive.File, file);
            if (entry.WholeFile)
            {
                lists.Add((entry, file, values));
                continue;
            }

            items.AddRange(values.Select(v => ItemOf(entry, file, v)));
        }

        var pool = PoolOf(items, archive.File);
        var names = UniqueNames(items);
        var byGuid = items.Where(i => i.Guid is not null).GroupBy(i => i.Guid!).ToDictionary(g => g.Key, g => names[g.First()]);
        var audio = new RgsAudioCatalog(archive, pool);
        var objects = new List<LyncObject>();
        foreach (var item in items)
        {
            objects.Add(Layout(item, pool, names[item], byGuid, audio));
        }

        objects.AddRange(lists.Select(l => ListFile(l.Entry, l.File, l.Values, pool, byGuid, audio)));
        objects.AddRange(others.Select(o => Other(o.File, o.Document, archive, pool)));
        objects.Add(audio.Object(catalog.Playing(ObjectRole.RgsAudio), filter));
        return new Result(pool, objects, audio.Blobs);
    }

    private static Item ItemOf(CatalogEntry entry, string file, CliValue value)
    {
        var obj = value as CliObject ?? new CliObject { ToStringText = (value as CliPrimitive)?.Text };
        var guid = obj.Property("Identity") is CliObject identity ? CliYamlMapper.GuidOf(identity) : null;
        var fullName = entry.Role == ObjectRole.RgsSettings ? "" : obj.Text("Name") ?? guid ?? "";

        // Names the Response Group web tool generates end in _<guid>: a new one each time it is saved.
        var name = GeneratedSuffix().Replace(fullName, "");
        return new Item(entry, file, obj, guid, fullName, name.Length == 0 ? fullName : name);
    }

    /// <summary>The pool from OwnerPool, else from "ApplicationServer:&lt;fqdn&gt;" in any identity text.</summary>
    private static string PoolOf(List<Item> items, string file)
    {
        foreach (var item in items)
        {
            if (item.Value.Text("OwnerPool") is { Length: > 0 } owner)
            {
                return owner.ToLowerInvariant();
            }

            var identityText = (item.Value.Property("Identity") as CliObject)?.ToStringText ?? item.Value.ToStringText ?? "";
            if (PoolInIdentity().Match(identityText) is { Success: true } m)
            {
                return m.Groups[1].Value.ToLowerInvariant();
            }
        }

        throw LcvException.BadExport(file, "is a Response Group export that names no pool (no OwnerPool and no ApplicationServer:<fqdn> identity); it cannot be filed.");
    }

    /// <summary>Each object's name within its kind; two objects of one kind with one name are told apart by GUID.</summary>
    private static Dictionary<Item, string> UniqueNames(List<Item> items)
    {
        var names = new Dictionary<Item, string>();
        foreach (var group in items.GroupBy(i => (i.Entry.Noun, i.Name.ToLowerInvariant())))
        {
            foreach (var item in group)
            {
                names[item] = group.Count() == 1 || item.Guid is null ? item.Name : $"{item.Name} ({item.Guid})";
            }
        }

        return names;
    }

    private LyncObject Layout(Item item, string pool, string name, Dictionary<string, string> byGuid, RgsAudioCatalog audio)
    {
        var single = item.Entry.Role == ObjectRole.RgsSettings && name.Length == 0;
        var identity = LyncIdentity.PoolObject(Role, pool, single ? null : name);
        var display = $"{item.Entry.Noun} {identity}";
        var shapes = new CliShapes();
        var mapper = new CliYamlMapper(shapes, guid => byGuid.GetValueOrDefault(guid), (file, path) => audio.Use(file, path, item.Guid, display));
        var setting = mapper.Properties(item.Value, "Identity");
        if (item.FullName != name && setting["Name"] is not null)
        {
            setting.Set("Name", new YScalar(name));
        }

        var export = new YMap().Add("File", item.File);
        if (item.Guid is not null)
        {
            export.Add("InstanceId", item.Guid);
        }

        if (item.FullName != name)
        {
            export.Add("FullName", item.FullName);
        }

        if (item.Value.Property("Identity") is CliObject identityObject)
        {
            mapper.HideIdentity(identityObject, "Identity");
        }

        shapes.AddTo(export);
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, identity.ToString())
            .Add(ObjectFactory.NounKey, item.Entry.Noun)
            .Add(ObjectFactory.KeyKey, single ? new YMap().Add("Pool", pool) : new YMap().Add("Pool", pool).Add("Name", name))
            .Add(SettingKey(item.Entry), setting)
            .Add(ObjectFactory.ExportKey, export);
        filter.Apply(item.Entry.Noun, content);
        return new LyncObject(item.Entry.Noun, item.Entry.Area, identity, VaultPaths.For(item.Entry, identity), content);
    }

    /// <summary>Agents.xml and Managers.xml: one object per pool holding the file's values in order.</summary>
    private LyncObject ListFile(CatalogEntry entry, string file, List<CliValue> values, string pool, Dictionary<string, string> byGuid, RgsAudioCatalog audio)
    {
        var identity = LyncIdentity.PoolObject(Role, pool, null);
        var shapes = new CliShapes();
        var mapper = new CliYamlMapper(shapes, guid => byGuid.GetValueOrDefault(guid), (obj, path) => audio.Use(obj, path, null, $"{entry.Noun} {identity}"));
        var list = new YSeq(values.Select((v, i) => mapper.Value(v, $"[{i}]") ?? new YScalar("")));
        var export = new YMap().Add("File", file);
        shapes.AddTo(export);
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, identity.ToString())
            .Add(ObjectFactory.NounKey, entry.Noun)
            .Add(ObjectFactory.KeyKey, new YMap().Add("Pool", pool))
            .Add(SettingKey(entry), list)
            .Add(ObjectFactory.ExportKey, export);
        filter.Apply(entry.Noun, content);
        return new LyncObject(entry.Noun, entry.Area, identity, VaultPaths.For(entry, identity), content);
    }

    /// <summary>RgsQueue → Queue: the setting key, as Get-CsRgsQueue names the object (the catalog says it).</summary>
    public static string SettingKey(CatalogEntry entry) => entry.SettingName ?? entry.Noun;

    /// <summary>An XML file the catalog does not know (or that is not CliXml): kept whole, never dropped.</summary>
    private LyncObject Other(string file, XDocument document, ExportArchive archive, string pool)
    {
        var entry = catalog.Playing(ObjectRole.RgsFile);
        var noun = entry.Noun;
        var identity = LyncIdentity.PoolObject(Role, pool, "file:" + Path.GetFileName(file));
        YNode body = CliXmlReader.IsCliXml(document)
            ? OtherCliXml(document, archive.File, file)
            : ElementYamlMapper.ToYaml(document.Root!, "", _ => false);
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, identity.ToString())
            .Add(ObjectFactory.NounKey, noun)
            .Add(document.Root!.Name.LocalName, body)
            .Add(ObjectFactory.ExportKey, new YMap().Add("File", file));
        filter.Apply(noun, content);
        return new LyncObject(noun, entry.Area, identity, $"{entry.Part}/{VaultPaths.Segment(pool)}/{entry.Folder}/{VaultPaths.Segment(Path.GetFileName(file))}.yaml", content);
    }

    private static YSeq OtherCliXml(XDocument document, string archive, string file)
    {
        var shapes = new CliShapes();
        var mapper = new CliYamlMapper(shapes, _ => null, (audioFile, _) => new YMap().Add("OriginalFileName", audioFile.Text("OriginalFileName") ?? ""));
        return new YSeq(CliXmlReader.Read(document, archive, file).Select((v, i) => mapper.Value(v, $"[{i}]") ?? new YScalar("")));
    }

    [GeneratedRegex("_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GeneratedSuffix();

    [GeneratedRegex(@"ApplicationServer:([^/\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex PoolInIdentity();
}
