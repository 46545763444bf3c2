using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Users;

/// <summary>
/// One Registrar pool's Export-CsUserData archive → one file per user under users/&lt;pool&gt;/
/// (contact groups, contacts, privacy relationships; FORMATS.md §6.1), read one DocItem at a time.
/// Personal data follows the vault's redaction level: in clear, pseudonymized, or counted only.
/// </summary>
internal sealed partial class UserDataNormalizer(LyncCatalog catalog, NoiseFilter filter, PersonalDataPolicy policy)
{
    private readonly CatalogEntry _user = catalog.Playing(ObjectRole.UserData);
    private readonly CatalogEntry _summary = catalog.Playing(ObjectRole.UserDataSummary);
    private const string UserPrefix = "urn:lcd:";

    /// <summary>Privacy relationships by container number (FORMATS.md §6.1).</summary>
    private static readonly Dictionary<string, string> Relationships = new()
    {
        ["100"] = "External contacts", ["200"] = "Colleagues", ["300"] = "Workgroup", ["400"] = "Friends and Family", ["32000"] = "Blocked",
    };

    /// <summary>Attributes that are structure, never personal: kept in clear at every level.</summary>
    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase) { "Number", "Groups", "ContainerNumber", "Relationship", "SubscribePresence" };

    /// <summary>Whether a DocItemSet holds user data: its first DocItem is urn:lcd: or urn:hcd:.</summary>
    public static bool IsUserData(Stream docItemSet, string file) =>
        SafeXml.Read(docItemSet, file, "DocItemSet.xml", reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "DocItem")
                {
                    var name = reader.GetAttribute("Name") ?? "";
                    return name.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase) || name.StartsWith("urn:hcd:", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        });

    /// <summary>
    /// The pool a file is for, from its name (the collector writes UserData-&lt;pool&gt;.zip); null when the name
    /// does not say (ExportedUserData.zip, Microsoft's own example): the archive itself never names its pool.
    /// </summary>
    public static string? PoolFromFileName(string file) =>
        PoolInName().Match(Path.GetFileNameWithoutExtension(file)) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;

    public List<LyncObject> Normalize(Stream docItemSet, string file, string entry, string pool) =>
        SafeXml.Read(docItemSet, file, entry, reader => Read(reader, pool));

    private List<LyncObject> Read(XmlReader reader, string pool)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["Users"] = 0, ["Contacts"] = 0, ["ContactGroups"] = 0, ["PrivacyMembers"] = 0, ["OtherItems"] = 0 };
        var objects = new List<LyncObject>();
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "DocItem" || reader.Depth == 0)
            {
                reader.Read();
                continue;
            }

            var item = (XElement)XNode.ReadFrom(reader);
            var name = (string?)item.Attribute("Name") ?? "";
            if (!name.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase))
            {
                counts["OtherItems"]++;
                continue;   // conference directories (urn:hcd:): counted; their content is not public
            }

            var user = User(name[UserPrefix.Length..], item, pool, counts);
            if (user is not null)
            {
                objects.Add(user);
            }
        }

        objects.Add(Summary(pool, counts));
        return objects;
    }

    private LyncObject? User(string sip, XElement item, string pool, SortedDictionary<string, long> counts)
    {
        var resource = item.Descendants().FirstOrDefault(e => e.Name.LocalName == "HomedResource") ?? new XElement("HomedResource");
        var groups = resource.Elements().Where(e => e.Name.LocalName == "ContactGroups").Elements().ToList();
        var contacts = resource.Elements().Where(e => e.Name.LocalName == "Contacts").Elements().ToList();
        var containers = resource.Elements().Where(e => e.Name.LocalName == "Containers").Elements().ToList();
        counts["Users"]++;
        counts["Contacts"] += contacts.Count;
        counts["ContactGroups"] += groups.Count;
        counts["PrivacyMembers"] += containers.Sum(c => c.Elements().Count());
        if (policy.Level == Redaction.Omit)
        {
            return null;
        }

        var identity = policy.Personal("user", "sip:" + sip);
        var setting = new YMap()
            .Add("ContactGroups", new YSeq(groups.Select(g => (YNode)Personal(g, "group")).OrderBy(g => ((YMap)g).Text("Number"), StringComparer.Ordinal)))
            .Add("Contacts", new YSeq(contacts.Select(c => (YNode)Personal(c, "contact")).OrderBy(c => ((YMap)c).Text("Buddy"), StringComparer.Ordinal)))
            .Add("Privacy", new YSeq(containers.Select(Container).OrderBy(c => ((YMap)c).Text("ContainerNumber"), StringComparer.Ordinal)));
        foreach (var other in resource.Elements().Where(e => e.Name.LocalName is not ("ContactGroups" or "Contacts" or "Containers")))
        {
            setting.Add(other.Name.LocalName, Redact(ElementYamlMapper.ToYaml(other, other.Parent!.Name.NamespaceName, _ => false), other.Name.LocalName));
        }

        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, identity)
            .Add(ObjectFactory.NounKey, _user.Noun)
            .Add(ObjectFactory.KeyKey, new YMap().Add("Pool", pool))
            .Add("User", setting);
        filter.Apply(_user.Noun, content);
        // Named by the address without its sip: (Windows allows no colon in a name); the file's Identity keeps it.
        var path = $"{VaultPaths.PartOf(ExportKind.UserData, pool)}/{VaultPaths.Segment(identity.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? identity[4..] : identity)}.yaml";
        return LyncObject.Packed(_user.Noun, _user.Area, LyncIdentity.Named(identity), path, YamlText.WriteBytes(content), bytes => YamlText.Read(Encoding.UTF8.GetString(bytes), path));
    }

    /// <summary>A contact or contact group: base64 names decoded, then every personal value kept or pseudonymized.</summary>
    private YMap Personal(XElement element, string prefix)
    {
        var map = new YMap();
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.LocalName, StringComparer.Ordinal))
        {
            var name = attribute.Name.LocalName;
            var value = name is "DisplayName" or "ExternalUri" ? Base64Text(attribute.Value) : attribute.Value;
            map.Add(name, Structural.Contains(name) || value == "~" ? value : policy.Personal(name == "Buddy" ? "user" : prefix, name == "Buddy" ? "sip:" + value.Replace("sip:", "", StringComparison.OrdinalIgnoreCase) : value));
        }

        return map;
    }

    private YNode Container(XElement container)
    {
        var number = (string?)container.Attribute("ContainerNumber") ?? "";
        var members = container.Elements().Select(m => (string?)m.Attribute("Member") ?? m.Value)
            .Select(m => policy.Personal("user", "sip:" + m.Replace("sip:", "", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(m => (YNode)new YScalar(m));
        return new YMap()
            .Add("ContainerNumber", number)
            .Add("Relationship", Relationships.GetValueOrDefault(number, "Custom"))
            .Add("Members", new YSeq(members));
    }

    /// <summary>An element lcv does not know: kept, with every value pseudonymized unless the level is none.</summary>
    private YNode Redact(YNode node, string prefix) => node switch
    {
        YScalar s => new YScalar(policy.Personal(prefix, s.Text)),
        YSeq seq => new YSeq(seq.Items.Select(i => Redact(i, prefix))),
        YMap map => map.Entries.Aggregate(new YMap(), (copy, e) => copy.Add(e.Key, Structural.Contains(e.Key) || e.Key == ElementYamlMapper.NamespaceKey ? e.Value : Redact(e.Value, prefix))),
        _ => node,
    };

    private static string Base64Text(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            return value;   // not base64 after all: kept as written
        }
    }

    private LyncObject Summary(string pool, SortedDictionary<string, long> counts)
    {
        var identity = LyncIdentity.Named(pool);
        var map = counts.Aggregate(new YMap(), (m, c) => m.Add(c.Key, c.Value.ToString(CultureInfo.InvariantCulture)));
        // With users on file, counts are derived and would double every change; with omit they are all there is.
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, pool)
            .Add(ObjectFactory.NounKey, _summary.Noun)
            .Add("Summary", new YMap().Add("Redaction", policy.Level.ToString().ToLowerInvariant()));
        if (policy.Level == Redaction.Omit)
        {
            ((YMap)content["Summary"]!).Add("Counts", map);
        }
        else
        {
            content.Add(ObjectFactory.ExportKey, new YMap().Add("Counts", map));
        }
        return new LyncObject(_summary.Noun, _summary.Area, identity, $"{VaultPaths.PartOf(ExportKind.UserData, pool)}/{_summary.Folder}.yaml", content);
    }

    [GeneratedRegex(@"^(?:user[-_ ]?data|users?)?[-_ ]?((?:[a-z0-9-]+\.)+[a-z]{2,})$", RegexOptions.IgnoreCase)]
    private static partial Regex PoolInName();
}
