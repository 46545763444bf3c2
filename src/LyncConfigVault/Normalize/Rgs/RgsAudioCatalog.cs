using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Formats.CliXml;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Rgs;

/// <summary>
/// The audio files of one pool's Response Group export: found the way the public scripts find them
/// (FORMATS.md §4.3, §4.6 rule 7), recorded by SHA-256 and size, their bytes kept once per hash.
/// </summary>
internal sealed class RgsAudioCatalog(ExportArchive archive, string pool)
{
    private const string InstancesFolder = "RGS/Instances/";

    private readonly Dictionary<string, (string Sha256, long Size, SortedSet<string> Names, SortedSet<string> UsedBy)> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedEntries = new(StringComparer.Ordinal);

    /// <summary>Blob path (.lcv/blobs/&lt;sha256&gt;) → bytes.</summary>
    public Dictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);

    /// <summary>The readable form of one AudioFile: its file name, and the hash and size of its bytes when found.</summary>
    public YMap Use(CliObject audioFile, string path, string? ownerGuid, string owner)
    {
        var original = audioFile.Text("OriginalFileName") ?? "";
        var readable = new YMap().Add("OriginalFileName", original);
        var entry = Find(audioFile.Text("UniqueName") ?? "", Path.GetExtension(original), ownerGuid);
        if (entry is null)
        {
            // Objects from a remote session carry no audio: not collected, which is not the same as missing from an export.
            return archive.EntryNames.Contains(Collect.RgsObjectsArchive.Marker)
                ? readable.Add("NotCollected", "audio does not come with the Get-CsRgs* objects: collect with --share, or run lcv on the Front End")
                : readable.Add("Missing", "true");   // a prompt whose file is not in the export: the admin must know
        }

        var bytes = archive.Entry(entry)!;
        var sha = ExportArchive.Sha256(bytes);
        Blobs[$"{RgsNormalizer.BlobFolder}/{sha}"] = bytes;
        _usedEntries.Add(entry);
        if (!_used.TryGetValue(sha, out var use))
        {
            _used[sha] = use = (sha, bytes.LongLength, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
        }

        use.Names.Add(original);
        use.UsedBy.Add($"{owner}: {path}");
        return readable.Add("Sha256", sha).Add("Size", bytes.LongLength.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>rgs/&lt;pool&gt;/audio.yaml: every audio file with who uses it, and the ones nothing uses.</summary>
    public LyncObject Object(CatalogEntry entry, NoiseFilter filter)
    {
        var unreferenced = new YSeq();
        var unusedEntries = archive.EntryNames.Where(IsAudioEntry).Where(n => !_usedEntries.Contains(n)).Order(StringComparer.Ordinal).ToList();
        foreach (var name in unusedEntries)
        {
            var bytes = archive.Entry(name)!;
            var sha = ExportArchive.Sha256(bytes);
            Blobs[$"{RgsNormalizer.BlobFolder}/{sha}"] = bytes;
            unreferenced.Items.Add(new YMap().Add("FileName", Path.GetFileName(name)).Add("Sha256", sha).Add("Size", bytes.LongLength.ToString(CultureInfo.InvariantCulture)));
        }

        var files = new YSeq(_used.Values.OrderBy(u => u.Sha256, StringComparer.Ordinal).Select(u => (YNode)new YMap()
            .Add("Sha256", u.Sha256)
            .Add("Size", u.Size.ToString(CultureInfo.InvariantCulture))
            .Add("OriginalFileNames", new YSeq(u.Names.Select(n => (YNode)new YScalar(n))))
            .Add("UsedBy", new YSeq(u.UsedBy.Select(n => (YNode)new YScalar(n))))));
        var identity = LyncIdentity.PoolObject(RgsNormalizer.Role, pool, null);
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, identity.ToString())
            .Add(ObjectFactory.NounKey, entry.Noun)
            .Add(ObjectFactory.KeyKey, new YMap().Add("Pool", pool))
            .Add("Audio", new YMap().Add("Files", files).Add("Unreferenced", unreferenced))
            .Add(ObjectFactory.ExportKey, new YMap().Add("Entries", new YSeq(unusedEntries.Select(n => (YNode)new YScalar(n)))));   // where each unused file sat, for a rebuild
        filter.Apply(entry.Noun, content);
        return new LyncObject(entry.Noun, entry.Area, identity, VaultPaths.For(entry, identity), content);
    }

    /// <summary>In RGS/Instances/&lt;owner&gt;/ recursively by UniqueName + extension, then UniqueName.wav; else anywhere under RGS/ by UniqueName.*.</summary>
    private string? Find(string uniqueName, string extension, string? ownerGuid)
    {
        if (uniqueName.Length == 0)
        {
            return null;
        }

        var audio = archive.EntryNames.Where(IsAudioEntry).ToList();
        if (ownerGuid is not null)
        {
            var owned = audio.Where(n => n.Contains($"{InstancesFolder}{ownerGuid}/", StringComparison.OrdinalIgnoreCase)).ToList();
            var hit = owned.FirstOrDefault(n => Path.GetFileName(n).Equals(uniqueName + extension, StringComparison.OrdinalIgnoreCase))
                ?? owned.FirstOrDefault(n => Path.GetFileName(n).Equals(uniqueName + ".wav", StringComparison.OrdinalIgnoreCase));
            if (hit is not null)
            {
                return hit;
            }
        }

        return audio.FirstOrDefault(n => Path.GetFileNameWithoutExtension(n).Equals(uniqueName, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAudioEntry(string name) =>
        name.Contains("/RGS/", StringComparison.OrdinalIgnoreCase) && !name.EndsWith('/') && !name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
}
