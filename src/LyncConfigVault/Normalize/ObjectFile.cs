using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// An object's vault file as an admin reads it in a Git web UI: Identity, Noun, and the settings under the
/// noun the cmdlets use (DialPlan:, not the XML's LocationProfile:). How the object sat in its export (the
/// Export block: signatures, wrappers, positions), which only a rebuild needs, goes to an envelope beside it
/// under .lcv/envelopes/, marked generated in .gitattributes so a Git UI folds it away. In memory the object
/// is as the normalizer made it; files of older vaults (the element's name, the Export block inline) read the same.
/// </summary>
internal static class ObjectFile
{
    public const string EnvelopeFolder = ".lcv/envelopes";

    /// <summary>Where the envelope of the object file at <paramref name="path"/> is kept.</summary>
    public static string EnvelopeOf(string path) => $"{EnvelopeFolder}/{path}";

    /// <summary>The file an admin reads and, when the object has an Export block, its envelope.</summary>
    public static (byte[] Readable, byte[]? Envelope) Write(YMap content, LyncCatalog catalog)
    {
        var (readable, envelope) = Split(content, catalog);
        return (YamlText.WriteBytes(readable), envelope is null ? null : YamlText.WriteBytes(envelope));
    }

    /// <summary>The object as an admin reads it (lcv show): its settings under the noun, without the Export block.</summary>
    public static YMap Readable(YMap content, LyncCatalog catalog) => Split(content, catalog).Readable;

    /// <summary>The object from its file, with its envelope's Export block when <paramref name="envelope"/> is given.</summary>
    public static YMap Read(string text, string file, LyncCatalog catalog, string? envelope = null)
    {
        var content = YamlText.Read(text, file);
        if (content.Text(ObjectFactory.NounKey) is { } noun && ElementOf(catalog, noun) is { } element && element != noun
            && ObjectFactory.SettingKey(content.Entries.Select(e => e.Key)) == noun)
        {
            var renamed = new YMap();
            foreach (var (key, value) in content.Entries)
            {
                renamed.Add(key == noun ? element : key, value);
            }

            content = renamed;
        }

        if (envelope is not null && content[ObjectFactory.ExportKey] is null && YamlText.Read(envelope, EnvelopeOf(file))[ObjectFactory.ExportKey] is { } export)
        {
            content.Add(ObjectFactory.ExportKey, export);
        }

        return content;
    }

    private static (YMap Readable, YMap? Envelope) Split(YMap content, LyncCatalog catalog)
    {
        var noun = content.Text(ObjectFactory.NounKey);
        var element = noun is null ? null : ElementOf(catalog, noun);
        var setting = element is null ? null : ObjectFactory.SettingKey(content.Entries.Select(e => e.Key));
        var readable = new YMap();
        YMap? envelope = null;
        foreach (var (key, value) in content.Entries)
        {
            if (key == ObjectFactory.ExportKey)
            {
                envelope = new YMap().Add(key, value);
            }
            else
            {
                // Only the catalog's own element becomes the noun: another (a BranchSite among CentralSites) stays, and reads back as it was.
                readable.Add(key == setting && key == element && content[noun!] is null ? noun! : key, value);
            }
        }

        return (readable, envelope);
    }

    /// <summary>The element a noun's settings sit under in memory (LocationProfile for DialPlan); null for a type outside the catalog.</summary>
    public static string? ElementOf(LyncCatalog catalog, string noun) =>
        catalog.ForNoun(noun) is { Elements.Count: > 0 } entry && !ObjectFactory.LayoutKeys.Contains(noun) ? entry.Elements[0] : null;
}
