namespace LyncConfigVault.Catalog;

/// <summary>
/// THE table of Lync object types. Element names and scopes follow FORMATS.md §2.6 and §3; where a
/// name there is INFERRED the generic rule still stores an unknown element losslessly under "other".
/// </summary>
internal sealed class LyncCatalog
{
    private readonly Dictionary<string, CatalogEntry> _byElement = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CatalogEntry> _byNoun = new(StringComparer.OrdinalIgnoreCase);

    public static LyncCatalog Default { get; } = new(LyncCatalogRows.All);

    public IReadOnlyList<CatalogEntry> Entries { get; }

    public LyncCatalog(IReadOnlyList<CatalogEntry> entries)
    {
        Entries = entries;
        foreach (var entry in entries)
        {
            _byNoun.Add(entry.Noun, entry);
            if (entry.SplitOut)
            {
                continue;   // a route or a pool is found through its document's SplitRule, never as a document
            }

            foreach (var element in entry.Elements)
            {
                _byElement.TryAdd(element, entry);
            }
        }
    }

    /// <summary>The type of a CMS document by its SchemaId ElementName; null for an unknown document.</summary>
    public CatalogEntry? ForDocument(string elementName) =>
        _byElement.GetValueOrDefault(elementName);

    public CatalogEntry? ForNoun(string noun) => _byNoun.GetValueOrDefault(noun);

    public CatalogEntry Noun(string noun) =>
        _byNoun.TryGetValue(noun, out var entry) ? entry : throw new KeyNotFoundException($"catalog has no noun {noun}");

    /// <summary>The type that plays <paramref name="role"/>: one per role.</summary>
    public CatalogEntry Playing(ObjectRole role) => Entries.First(e => e.Role == role);

    /// <summary>The type whose list defines the names of <paramref name="noun"/> (PstnUsages for PstnUsage), if one does.</summary>
    public CatalogEntry? DefinerOf(string noun) => Entries.FirstOrDefault(e => e.Defines.Values.Contains(noun, StringComparer.Ordinal));

    /// <summary>The role a noun plays; None for a noun the catalog does not know or that plays none.</summary>
    public ObjectRole RoleOf(string noun) => ForNoun(noun)?.Role ?? ObjectRole.None;

    /// <summary>The types split out of their container within one vault part: LIS locations' subnets, ports, switches and access points.</summary>
    public List<CatalogEntry> SplitOutOf(string part) => Entries.Where(e => e.Part == part && e.SplitOut).ToList();

    /// <summary>The area of a document nobody catalogued: what lcv reads generically.</summary>
    public const string UnknownArea = "other";

    /// <summary>The row for a CMS document nobody catalogued yet: stored generically under cms/other.</summary>
    public static CatalogEntry Unknown(string elementName) =>
        new(elementName, UnknownArea, [elementName]) { Folder = $"cms/{UnknownArea}/{elementName}" };
}
