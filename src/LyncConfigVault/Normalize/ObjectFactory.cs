using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Lays out one vault file in its fixed order: Identity, Noun, Key (the CMS Item key: TagId, SiteId),
/// Priority (for ordered collections), the setting element itself, then Export (where it sat).
/// </summary>
internal sealed class ObjectFactory(NoiseFilter filter)
{
    public const string IdentityKey = "Identity";
    public const string NounKey = "Noun";
    public const string KeyKey = "Key";
    public const string PriorityKey = "Priority";
    public const string ExportKey = "Export";

    /// <summary>The keys lcv lays out around the setting itself.</summary>
    public static readonly IReadOnlySet<string> LayoutKeys = new HashSet<string> { IdentityKey, NounKey, KeyKey, PriorityKey, ExportKey };

    /// <summary>The one key holding the setting itself (VoicePolicy, LocationProfile, Route), or null when there are several or none.</summary>
    public static string? SettingKey(IEnumerable<string> keys)
    {
        var candidates = keys.Where(k => !LayoutKeys.Contains(k)).Distinct().ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>The setting of an object file: its one entry beside Identity, Noun, Key, Priority and Export.</summary>
    public static KeyValuePair<string, YNode> Setting(YMap content) =>
        content.Entries.FirstOrDefault(e => !LayoutKeys.Contains(e.Key));

    public LyncObject Create(CatalogEntry entry, LyncIdentity identity, YNode? key, int? priority, XElement element, string parentNamespace, YMap export)
    {
        var content = new YMap()
            .Add(IdentityKey, identity.ToString())
            .Add(NounKey, entry.Noun);
        if (key is not null && !(key is YScalar { Text.Length: 0 }))
        {
            content.Add(KeyKey, key);
        }

        if (priority is not null)
        {
            content.Add(PriorityKey, priority.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        content.Add(element.Name.LocalName, ElementYamlMapper.ToYaml(element, parentNamespace, entry.IsList));
        if (export.Count > 0)
        {
            content.Add(ExportKey, export);
        }

        filter.Apply(entry.Noun, content);
        return new LyncObject(entry.Noun, entry.Area, identity, VaultPaths.For(entry, identity), content);
    }

    /// <summary>The attributes of an envelope element as a map, leaving out the ones listed; a namespaced one is keyed {namespace}name.</summary>
    public static YMap Attributes(XElement element, params string[] except)
    {
        var map = new YMap();
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && !except.Contains(a.Name.LocalName)).OrderBy(ElementYamlMapper.AttributeKey, StringComparer.Ordinal))
        {
            map.Add(ElementYamlMapper.AttributeKey(attribute), attribute.Value);
        }

        return map;
    }
}
