using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Insight;

/// <summary>A translation or normalization rule: tried in list order, the first whose pattern matches wins.</summary>
internal sealed record NumberRule(string Name, string Pattern, string Translation);

/// <summary>A voice route as Lync walks them: by priority, carrying PSTN usages, to gateways.</summary>
internal sealed record RouteEntry(string Name, int Priority, string NumberPattern, IReadOnlyList<string> Usages, IReadOnlyList<string> Gateways);

/// <summary>
/// What call routing reads from one snapshot: dial plans and their rules, voice policies and their
/// usages, routes in priority order, trunk configurations' outbound rules, and each gateway's site.
/// </summary>
internal sealed class VoiceModel
{
    private static readonly LyncCatalog Catalog = LyncCatalog.Default;

    public Dictionary<string, IReadOnlyList<NumberRule>> DialPlans { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, IReadOnlyList<string>> VoicePolicies { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<RouteEntry> Routes { get; } = [];

    public Dictionary<string, IReadOnlyList<NumberRule>> Trunks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gateway FQDN → its site's name, from the topology.</summary>
    public Dictionary<string, string> GatewaySites { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static VoiceModel From(ObjectSource source)
    {
        var model = new VoiceModel();
        IEnumerable<YMap> Objects(string folder) => SnapshotObjects.Under(source, folder);
        IEnumerable<YMap> Playing(ObjectRole role) => Objects(Catalog.Playing(role).Folder);   // the catalog says which noun plays it, and where it is stored
        foreach (var content in Playing(ObjectRole.DialPlan).Concat(Playing(ObjectRole.VoicePolicy)).Concat(Playing(ObjectRole.VoiceRoute)).Concat(Playing(ObjectRole.Trunk)))
        {
            model.Put(content);
        }

        model.Routes.Sort((a, b) => a.Priority.CompareTo(b.Priority));

        var sites = SnapshotObjects.SiteNames(source);
        foreach (var gateway in Objects($"{Catalog.Playing(ObjectRole.Service).Folder}/PstnGateway"))
        {
            var identity = gateway.Text(ObjectFactory.IdentityKey) ?? "";
            var siteId = (Setting(gateway)["ServiceId"] as YMap)?.Text("SiteId");
            if (siteId is not null && sites.TryGetValue(siteId, out var site))
            {
                model.GatewaySites[identity[(identity.IndexOf(':') + 1)..]] = site;
            }
        }

        return model;
    }

    /// <summary>Whether an object of this noun takes part in routing as this model reads it.</summary>
    public static bool TakesPart(string noun) => Catalog.RoleOf(noun) is ObjectRole.DialPlan or ObjectRole.VoicePolicy or ObjectRole.VoiceRoute or ObjectRole.Trunk;

    /// <summary>
    /// A copy with one object replaced: <paramref name="removed"/> taken out, <paramref name="added"/> put in (either may be
    /// null). Replaying one change of a diff on its own this way shows what that change alone does to calls.
    /// A route put in goes before a route already at its priority: in its own snapshot, that one moved down.
    /// </summary>
    public VoiceModel With(YMap? removed, YMap? added)
    {
        var copy = new VoiceModel();
        Copy(DialPlans, copy.DialPlans);
        Copy(VoicePolicies, copy.VoicePolicies);
        Copy(Trunks, copy.Trunks);
        Copy(GatewaySites, copy.GatewaySites);
        copy.Routes.AddRange(Routes);
        if (removed is not null)
        {
            copy.Take(removed);
        }

        if (added is not null && copy.Put(added) is { } route)
        {
            copy.Routes.Remove(route);
            var at = copy.Routes.FindIndex(r => r.Priority >= route.Priority);
            copy.Routes.Insert(at < 0 ? copy.Routes.Count : at, route);
        }

        return copy;
    }

    private static void Copy<T>(Dictionary<string, T> from, Dictionary<string, T> to)
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }
    }

    /// <summary>Reads one object into the model; returns the route when it was one.</summary>
    private RouteEntry? Put(YMap content)
    {
        var identity = content.Text(ObjectFactory.IdentityKey)!;
        var setting = Setting(content);
        switch (Catalog.RoleOf(content.Text(ObjectFactory.NounKey) ?? ""))
        {
            case ObjectRole.DialPlan:
                DialPlans[identity] = Rules(setting["NormalizationRules"]);
                return null;
            case ObjectRole.VoicePolicy:
                VoicePolicies[identity] = Texts(setting["PstnUsages"]);
                return null;
            case ObjectRole.Trunk:
                Trunks[identity] = Rules(setting["OutboundTranslationRulesList"]);
                return null;
            case ObjectRole.VoiceRoute:
                var route = new RouteEntry(identity, int.TryParse(content.Text(ObjectFactory.PriorityKey), out var p) ? p : int.MaxValue,
                    setting.Text("NumberPattern") ?? "", Texts(setting["PstnUsages"]), Texts(setting["PstnGatewayList"]));
                Routes.Add(route);
                return route;
            default:
                return null;
        }
    }

    private void Take(YMap content)
    {
        var identity = content.Text(ObjectFactory.IdentityKey)!;
        switch (Catalog.RoleOf(content.Text(ObjectFactory.NounKey) ?? ""))
        {
            case ObjectRole.DialPlan:
                DialPlans.Remove(identity);
                break;
            case ObjectRole.VoicePolicy:
                VoicePolicies.Remove(identity);
                break;
            case ObjectRole.Trunk:
                Trunks.Remove(identity);
                break;
            case ObjectRole.VoiceRoute:
                Routes.RemoveAll(r => r.Name.Equals(identity, StringComparison.OrdinalIgnoreCase));
                break;
        }
    }

    private static YMap Setting(YMap content) => SnapshotObjects.Setting(content);

    private static List<string> Texts(YNode? node) => node switch
    {
        YSeq seq => seq.Items.OfType<YScalar>().Select(s => s.Text).ToList(),
        YScalar one => [one.Text],
        _ => [],
    };

    private static List<NumberRule> Rules(YNode? node) =>
        (node as YSeq)?.Items.OfType<YMap>().Select(r => new NumberRule(r.Text("Name") ?? "", r.Text("Pattern") ?? "", r.Text("Translation") ?? "")).ToList() ?? [];
}
