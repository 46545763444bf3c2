using LyncConfigVault.Model;

namespace LyncConfigVault.Catalog;

/// <summary>
/// One Lync object type: where it lives in an export, how its Identity is formed, where its file
/// goes and how its values compare. The only place per-type knowledge lives (DESIGN.md, "The catalog").
/// </summary>
/// <param name="Noun">The Get-Cs noun without Cs: the name admins know and every report prints.</param>
/// <param name="Area">topology, voice, trunk, policy, conferencing, network, rgs, lis, users or other.</param>
/// <param name="Elements">XML element names that carry this type (SchemaId ElementName for a CMS
/// document, the child element for a split-out object), matched case-insensitively.</param>
internal sealed record CatalogEntry(string Noun, string Area, IReadOnlyList<string> Elements)
{
    /// <summary>How the Identity is formed: Scope (from the CMS Item/Key), @Attr, child element text
    /// (a bare name), or one of the topology rules TopologyService / SqlInstance.</summary>
    public IdentityRule Identity { get; init; } = IdentityRule.Scope;

    /// <summary>The attribute or child element the Identity rule reads.</summary>
    public string? IdentitySource { get; init; }

    /// <summary>Vault folder of this type's files: cms/voice/VoicePolicy, topology/pools …</summary>
    public required string Folder { get; init; }

    /// <summary>Lists whose order is meaning (PSTN usages, rules by priority); all other lists are sets.</summary>
    public IReadOnlyList<string> OrderedLists { get; init; } = [];

    /// <summary>
    /// Lists of sub-objects matched by their natural key: one property (normalization rules by Name) or
    /// several, comma-separated (network interfaces by "InterfaceSide,InterfaceNumber").
    /// </summary>
    public IReadOnlyDictionary<string, string> KeyedLists { get; init; } = new Dictionary<string, string>();

    /// <summary>The natural key of <paramref name="list"/>'s entries, or null for a list without one.</summary>
    public ListKey? KeyOf(string list) => KeyedLists.TryGetValue(list, out var fields) ? ListKey.Parse(fields) : null;

    /// <summary>Child elements that are always lists, even with one entry, so one usage does not read as a scalar.</summary>
    public IReadOnlyList<string> Lists { get; init; } = [];

    /// <summary>Property paths kept in the file but never counted as a change.</summary>
    public IReadOnlyList<string> Volatile { get; init; } = [];

    /// <summary>Property paths removed before storing: noise with no configuration meaning.</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>Property paths holding secrets: replaced by their SHA-256 before storing.</summary>
    public IReadOnlyList<string> Secret { get; init; } = [];

    /// <summary>Properties that name other objects: the property (a dotted path, lists transparent) → the target noun. lcv check follows them.</summary>
    public IReadOnlyDictionary<string, string> References { get; init; } = new Dictionary<string, string>();

    /// <summary>Objects split out of this document into files of their own (routes out of the routing settings).</summary>
    public IReadOnlyList<SplitRule> Splits { get; init; } = [];

    /// <summary>True for objects that live inside another document (routes, pools) and are split out of it.</summary>
    public bool SplitOut { get; init; }

    /// <summary>A fixed file for a type with one object per vault (the topology's own settings).</summary>
    public string? FixedPath { get; init; }

    /// <summary>Values lcv adds for reading (a dependency's Role:fqdn), left out when the export is rebuilt.</summary>
    public IReadOnlyList<string> Derived { get; init; } = [];

    /// <summary>The noun of the Set-Cs/New-Cs/Remove-Cs cmdlets that change one object of this type; null when lcv cannot script it yet.</summary>
    public string? ScriptNoun { get; init; }

    /// <summary>
    /// Rule lists scripted by cmdlets of their own (NormalizationRules → VoiceNormalizationRule): the scoped restore
    /// writes New-/Set-/Remove-Cs&lt;noun&gt; -Identity '&lt;object&gt;/&lt;Name&gt;' with -Priority, never the list on the object itself.
    /// </summary>
    public IReadOnlyDictionary<string, string> ScriptedLists { get; init; } = new Dictionary<string, string>();

    /// <summary>The part this type plays in placing a call or in its export's layout (the code that relies on it finds the noun by it).</summary>
    public ObjectRole Role { get; init; }

    /// <summary>
    /// Property paths (dotted, lists transparent) holding the regular expressions Lync matches numbers with: lcv check
    /// compiles each and samples what it can match.
    /// </summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    /// <summary>Lists of names that are objects a reference can name: the property → the noun they are (PstnUsages' Usage → PstnUsage).</summary>
    public IReadOnlyDictionary<string, string> Defines { get; init; } = new Dictionary<string, string>();

    /// <summary>The key an object's values sit under in its file when it is not the element's own name (Workflow for RgsWorkflow).</summary>
    public string? SettingName { get; init; }

    /// <summary>
    /// The export file's values are one object, kept in their order (a pool's Response Group agents or managers),
    /// rather than one object per value.
    /// </summary>
    public bool WholeFile { get; init; }

    /// <summary>Which export carries this type.</summary>
    public string Part { get; init; } = "cms";

    /// <summary>
    /// Lists ordered only when another property of the object has one of some values: an agent
    /// group's agents are ordered under Serial or RoundRobin routing, a set otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, OrderCondition> OrderedWhen { get; init; } = new Dictionary<string, OrderCondition>();

    public bool IsOrdered(string list) => OrderedLists.Contains(list, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="list"/> is ordered in this object, whose setting is <paramref name="setting"/>.</summary>
    public bool IsOrdered(string list, YMap? setting) =>
        IsOrdered(list)
        || (setting is not null && OrderedWhen.TryGetValue(list, out var condition) && condition.Holds(setting));

    public bool IsList(string element) =>
        Lists.Contains(element, StringComparer.OrdinalIgnoreCase)
        || OrderedLists.Contains(element, StringComparer.OrdinalIgnoreCase)
        || KeyedLists.ContainsKey(element);
}

internal enum IdentityRule
{
    /// <summary>Global, Site:Name, Tag:Name or Service:Role:fqdn, from the CMS Item/Key.</summary>
    Scope,

    /// <summary>The value of one attribute, used as a bare name (a route's Name, a pool's Fqdn).</summary>
    Attribute,

    /// <summary>The text of one child element, as Site:&lt;text&gt; (topology sites).</summary>
    SiteName,

    /// <summary>Role:poolFqdn of a topology service, resolved through InstalledOn.</summary>
    TopologyService,

    /// <summary>poolFqdn\instance of a topology SQL instance.</summary>
    SqlInstance,

    /// <summary>
    /// Service:ApplicationServer:pool/Name, an object of one pool's Response Group service, filed as
    /// &lt;part&gt;/&lt;pool&gt;/&lt;folder&gt;/&lt;Name&gt;.yaml; without a Name, the pool's one object &lt;part&gt;/&lt;pool&gt;/&lt;folder&gt;.yaml.
    /// </summary>
    PoolObject,
}

/// <summary>A list is ordered when <paramref name="Property"/> of the setting has one of <paramref name="Values"/>.</summary>
internal sealed record OrderCondition(string Property, IReadOnlyList<string> Values)
{
    public bool Holds(YMap setting) =>
        setting.Text(Property) is { } value && Values.Contains(value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Children of a document that become objects of their own. Wrapper is the element holding them
/// (Sites, Clusters) or null when they sit directly in the document element (Route).
/// </summary>
internal sealed record SplitRule(string? Wrapper, string Child, string Noun, bool Ordered = false);
