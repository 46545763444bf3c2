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
        foreach (var plan in Objects("cms/voice/DialPlan"))
        {
            model.DialPlans[plan.Text(ObjectFactory.IdentityKey)!] = Rules(Setting(plan)["NormalizationRules"]);
        }

        foreach (var policy in Objects("cms/voice/VoicePolicy"))
        {
            model.VoicePolicies[policy.Text(ObjectFactory.IdentityKey)!] = Texts(Setting(policy)["PstnUsages"]);
        }

        foreach (var route in Objects("cms/voice/VoiceRoute"))
        {
            var setting = Setting(route);
            model.Routes.Add(new RouteEntry(route.Text(ObjectFactory.IdentityKey)!, int.TryParse(route.Text(ObjectFactory.PriorityKey), out var p) ? p : int.MaxValue,
                setting.Text("NumberPattern") ?? "", Texts(setting["PstnUsages"]), Texts(setting["PstnGatewayList"])));
        }

        model.Routes.Sort((a, b) => a.Priority.CompareTo(b.Priority));
        foreach (var trunk in Objects("cms/trunk/TrunkConfiguration"))
        {
            model.Trunks[trunk.Text(ObjectFactory.IdentityKey)!] = Rules(Setting(trunk)["OutboundTranslationRulesList"]);
        }

        var sites = SnapshotObjects.SiteNames(source);
        foreach (var gateway in Objects("topology/services/PstnGateway"))
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
