using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Lis;

/// <summary>
/// An Export-CsLisConfiguration archive → one YAML object per civic location with the subnets,
/// wireless access points, switches and ports mapped to it, keyed by their natural keys (FORMATS.md §5.2).
/// Internal location ids stay in the Export block, so renumbering them is never a change. The layout
/// inside the archive is not public (§5.3): every XML entry is read generically, and what the
/// catalog does not know is kept under lis/other/.
/// </summary>
internal sealed class LisNormalizer(LyncCatalog catalog, NoiseFilter filter)
{
    public const string LocationIdAttribute = "LocationId";
    public const string Unmapped = "(no location)";

    // The elements a location's lists hold (subnets, ports, switches, access points): looked up once, not per location.
    private readonly List<CatalogEntry> _lists = catalog.SplitOutOf(ExportKinds.Of(ExportKind.Lis).Part);

    /// <summary>The address fields of a location in the order an address is read (FORMATS.md §5.2).</summary>
    public static readonly string[] AddressFields =
        ["Location", "CompanyName", "HouseNumber", "HouseNumberSuffix", "PreDirectional", "StreetName", "StreetSuffix", "PostDirectional", "City", "State", "PostalCode", "Country"];

    /// <summary>Whether an XML document is LIS data: a LisConfiguration root, or locations among the root's children.</summary>
    public static bool IsLis(XDocument document) =>
        document.Root is { } root
        && (root.Name.LocalName.Equals("LisConfiguration", StringComparison.OrdinalIgnoreCase)
            || root.Elements().Any(e => e.Name.LocalName.Equals("Location", StringComparison.OrdinalIgnoreCase) && e.Attribute("City") is not null));

    public List<LyncObject> Normalize(IEnumerable<(string Entry, XDocument Document)> documents)
    {
        var locationEntry = catalog.Playing(ObjectRole.LisLocation);
        var providerEntry = catalog.Playing(ObjectRole.LisServiceProvider);
        var locations = new Dictionary<string, (XElement Element, string Namespace, List<(CatalogEntry? Entry, XElement Element)> Mapped)>(StringComparer.OrdinalIgnoreCase);
        var mapped = new List<(CatalogEntry? Entry, XElement Element)>();
        var objects = new List<LyncObject>();
        var others = new List<(string Entry, XElement Element)>();
        foreach (var (entryName, document) in documents)
        {
            foreach (var element in document.Root!.Elements())
            {
                var name = element.Name.LocalName;
                if (locationEntry.Elements.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    var id = (string?)element.Attribute(LocationIdAttribute) ?? "address:" + string.Join('|', AddressFields.Select(f => (string?)element.Attribute(f) ?? ""));
                    locations[id] = (element, document.Root.Name.NamespaceName, []);
                }
                else if (element.Attribute(LocationIdAttribute) is not null)
                {
                    mapped.Add((_lists.FirstOrDefault(e => e.Elements.Contains(name, StringComparer.OrdinalIgnoreCase)), element));
                }
                else if (providerEntry.Elements.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    objects.Add(ServiceProvider(element, document.Root.Name.NamespaceName, entryName));
                }
                else
                {
                    others.Add((entryName, element));
                }
            }
        }

        var unmapped = new List<(CatalogEntry? Entry, XElement Element)>();
        foreach (var item in mapped)
        {
            (locations.TryGetValue((string)item.Element.Attribute(LocationIdAttribute)!, out var location) ? location.Mapped : unmapped).Add(item);
        }

        var identities = Identities(locations.ToDictionary(l => l.Key, l => l.Value.Element));
        foreach (var (id, (element, ns, items)) in locations)
        {
            objects.Add(Location(locationEntry, identities[id], element, ns, id, items));
        }

        if (unmapped.Count > 0)
        {
            objects.Add(Location(locationEntry, Unmapped, null, "", null, unmapped));
        }

        objects.AddRange(others.GroupBy(o => o.Element.Name.LocalName).Select(g => Other(g.Key, g.ToList())));
        return objects;
    }

    /// <summary>"Floor 3/Room 310, 1 Canada Square, London": unique per full address; the same text for two addresses gets a short hash.</summary>
    private static Dictionary<string, string> Identities(Dictionary<string, XElement> locations)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in locations.GroupBy(l => Display(l.Value), StringComparer.OrdinalIgnoreCase))
        {
            foreach (var (id, element) in group)
            {
                var tuple = string.Join('\u001f', AddressFields.Select(f => (string?)element.Attribute(f) ?? ""));
                result[id] = group.Count() == 1 ? group.Key : $"{group.Key} [{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tuple)))[..8]}]";
            }
        }

        return result;
    }

    private static string Display(XElement location)
    {
        string Field(string name) => (string?)location.Attribute(name) ?? "";
        var street = string.Join(' ', new[] { Field("HouseNumber") + Field("HouseNumberSuffix"), Field("PreDirectional"), Field("StreetName"), Field("StreetSuffix"), Field("PostDirectional") }.Where(p => p.Length > 0));
        var parts = new[] { Field("Location"), street, Field("City"), Field("Country") }.Where(p => p.Length > 0);
        var text = string.Join(", ", parts);
        return text.Length == 0 ? "(empty address)" : text;
    }

    private LyncObject Location(CatalogEntry entry, string identityText, XElement? element, string ns, string? id, List<(CatalogEntry? Entry, XElement Element)> items)
    {
        var identity = LyncIdentity.Named(identityText);
        var setting = element is null ? new YMap() : Attributes(element, ns);
        setting.Remove(LocationIdAttribute);
        // Every known list is written, empty or not, so the first subnet of a floor (or its last) is an entry added or removed, by key.
        var known = _lists.Select(e => e.Folder);
        var groups = items.GroupBy(i => i.Entry?.Folder ?? i.Element.Name.LocalName + "s").ToDictionary(g => g.Key, g => g.ToList());
        foreach (var list in known.Where(k => !groups.ContainsKey(k)))
        {
            groups[list] = [];
        }

        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Items: g.Value)))
        {
            var list = group.Items.Select(i => (Key: Key(i.Entry, i.Element), Map: Mapped(i.Entry, i.Element, ns)))
                .OrderBy(i => i.Key, StringComparer.Ordinal)
                .Select(i => (YNode)i.Map);
            setting.Add(group.Key, new YSeq(list));
        }

        var export = new YMap();
        if (id is not null && element?.Attribute(LocationIdAttribute) is not null)
        {
            export.Add(LocationIdAttribute, id);
        }

        if (ns.Length > 0)
        {
            export.Add("Namespace", ns);
        }

        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, identity.ToString())
            .Add(ObjectFactory.NounKey, entry.Noun)
            .Add("Location", setting);
        if (export.Count > 0)
        {
            content.Add(ObjectFactory.ExportKey, export);
        }

        filter.Apply(entry.Noun, content);
        return new LyncObject(entry.Noun, entry.Area, identity, $"{entry.Folder}/{VaultPaths.Segment(identityText)}.yaml", content);
    }

    /// <summary>A mapped element's attributes without its LocationId; a key of several attributes is added under the element's name.</summary>
    private static YMap Mapped(CatalogEntry? entry, XElement element, string ns)
    {
        var map = Attributes(element, ns);
        map.Remove(LocationIdAttribute);
        if (entry?.IdentitySource?.Contains(',') == true)
        {
            var withKey = new YMap().Add(element.Name.LocalName, Key(entry, element));
            foreach (var (key, value) in map.Entries)
            {
                withKey.Add(key, value);
            }

            return withKey;
        }

        return map;
    }

    /// <summary>The natural key: "10.20.30.0", or "00-1A-2B-3C-4D-5E, Gi1/0/24, InterfaceName" for a port.</summary>
    public static string Key(CatalogEntry? entry, XElement element) =>
        entry?.IdentitySource is { } source
            ? string.Join(", ", source.Split(',').Select(a => (string?)element.Attribute(a) ?? ""))
            : string.Join(", ", element.Attributes().Where(a => a.Name.LocalName != LocationIdAttribute && !a.IsNamespaceDeclaration).Select(a => a.Value));

    private static YMap Attributes(XElement element, string ns) =>
        ElementYamlMapper.ToYaml(element, ns, _ => false) as YMap ?? new YMap();

    private LyncObject ServiceProvider(XElement element, string ns, string entryName)
    {
        var entry = catalog.Playing(ObjectRole.LisServiceProvider);
        var name = (string?)element.Attribute("ServiceProviderName") ?? "(unnamed)";
        var identity = LyncIdentity.Named(name);
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, name)
            .Add(ObjectFactory.NounKey, entry.Noun)
            .Add(element.Name.LocalName, Attributes(element, ns))
            .Add(ObjectFactory.ExportKey, new YMap().Add("Entry", entryName).Add("Namespace", ns));
        filter.Apply(entry.Noun, content);
        return new LyncObject(entry.Noun, entry.Area, identity, VaultPaths.For(entry, identity), content);
    }

    /// <summary>Elements the catalog does not know, kept whole, one file per element name.</summary>
    private LyncObject Other(string name, List<(string Entry, XElement Element)> elements)
    {
        var entry = catalog.Playing(ObjectRole.LisOther);
        var identity = LyncIdentity.Named(name);
        var list = new YSeq(elements.Select(e => ElementYamlMapper.ToYaml(e.Element, e.Element.Parent?.Name.NamespaceName ?? "", _ => false))
            .OrderBy(YamlNodeText, StringComparer.Ordinal));
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, name)
            .Add(ObjectFactory.NounKey, entry.Noun)
            .Add(name, list)
            .Add(ObjectFactory.ExportKey, new YMap().Add("Entry", elements[0].Entry).Add("Namespace", elements[0].Element.Parent?.Name.NamespaceName ?? ""));
        filter.Apply(entry.Noun, content);
        return new LyncObject(entry.Noun, entry.Area, identity, VaultPaths.For(entry, identity), content);
    }

    private static string YamlNodeText(YNode node) => YamlText.Write(new YMap().Add("v", node));
}
