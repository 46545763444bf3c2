using System.Globalization;
using System.Xml.Linq;

namespace LyncConfigVault.Simulation;

/// <summary>
/// Builds the baseline deployment from a seed, in the XML shapes FORMATS.md §2.10 and §3.5 describe
/// (the [ASSUMPTION] shapes included: the generator may depend on them, production code may not).
/// </summary>
internal sealed partial class DeploymentFactory
{
    public const string Domain = "fabrikam.com";
    private const string ClientNs = "urn:schema:Microsoft.Rtc.Management.Policy.Client.2008";
    private const string MeetingNs = "urn:schema:Microsoft.Rtc.Management.Settings.Meeting.2008";
    private const string ExternalNs = "urn:schema:Microsoft.Rtc.Management.Policy.ExternalAccess.2008";
    private const string TrunkNs = "urn:schema:Microsoft.Rtc.Management.Settings.TrunkConfiguration.2008";
    private const string NetworkNs = "urn:schema:Microsoft.Rtc.Management.Settings.NetworkConfiguration.2008";
    private const string SimpleUrlNs = "urn:schema:Microsoft.Rtc.Management.Settings.SimpleUrl.2008";
    private const string LocationNs = "urn:schema:Microsoft.Rtc.Management.Policy.Location.2008";
    private const string MobilityNs = "urn:schema:Microsoft.Rtc.Management.Policy.Mobility.2008";
    private const string VoiceNs = SyntheticDeployment.VoiceNs;

    private readonly Random _random;
    private readonly HashSet<int> _tagIds = [];

    private DeploymentFactory(int seed) => _random = new Random(seed);

    /// <summary>The deployment of night 1. <paramref name="objects"/> grows it with more per-user policies and subnets.</summary>
    public static SyntheticDeployment Create(int seed, int objects = 0, DateTimeOffset? firstExport = null)
    {
        var factory = new DeploymentFactory(seed);
        var deployment = new SyntheticDeployment
        {
            Domain = Domain,
            Topology = TopologyFactory.Create(SyntheticSite.All, Domain),
            TopologySignature = factory.NewGuid(),
            ExportTime = firstExport ?? new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero),
        };
        factory.AddVoice(deployment);
        AddVoiceTestCases(deployment);
        factory.AddTrunks(deployment);
        factory.AddUserPolicies(deployment);
        factory.AddNetwork(deployment);
        factory.AddGlobalSettings(deployment);
        factory.Grow(deployment, objects);
        return deployment;
    }

    public Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    internal static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    internal static XElement El(string ns, string name, params object?[] content) => new(XName.Get(name, ns), content);

    internal static XAttribute At(string name, object value) =>
        new(name, value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture)!);

    internal static SyntheticCmsItem Global(string element, string ns, XElement setting, Guid signature) =>
        new(element, ns, "Global", El(ScopeNs, "Key"), setting, signature);

    internal static SyntheticCmsItem Site(SyntheticSite site, string element, string ns, XElement setting, Guid signature) =>
        new(element, ns, "Site", El(ScopeNs, "Key", At("SiteId", site.SiteId), At("Name", site.Name)), setting, signature);

    internal SyntheticCmsItem Tag(string name, string element, string ns, XElement setting) =>
        new(element, ns, "Tag", El(ScopeNs, "Key", At("TagId", NewTagId()), At("Name", name)), setting, NewGuid());

    internal static SyntheticCmsItem Service(string role, int siteId, int instance, string element, string ns, XElement setting, Guid signature) =>
        new(element, ns, "Service", El(ScopeNs, "Key", El(SyntheticDeployment.TopologyNs, "ServiceId", At("SiteId", siteId), At("RoleName", role), At("Instance", instance))), setting, signature);

    internal const string ScopeNs = "urn:schema:Microsoft.Rtc.Management.ScopeFramework.2008";

    private int NewTagId()
    {
        int id;
        do
        {
            id = _random.Next(100_000_000, int.MaxValue);
        }
        while (!_tagIds.Add(id));
        return id;
    }

    private void AddVoice(SyntheticDeployment d)
    {
        var sites = SyntheticSite.All;
        var usages = sites.SelectMany(s => new[] { $"{s.Name}-Local", $"{s.Name}-National", $"{s.Name}-International" })
            .Concat(["Emergency", "Premium", "Internal"]).ToList();
        d.Items.Add(Global("PSTNUsages", VoiceNs, El(VoiceNs, "PSTNUsages", usages.Select(u => El(VoiceNs, "Usage", u))), NewGuid()));

        var routes = El(VoiceNs, "PstnRoutingSettings");
        foreach (var site in sites)
        {
            var gateways = new[] { $"PstnGateway:{site.Gateway(1, Domain)}", $"PstnGateway:{site.Gateway(2, Domain)}" };
            routes.Add(Route($"{site.Name}-Local", $@"^\+{site.CountryCode}{site.AreaCode}\d{{6,8}}$", $"{site.Name}-Local", gateways));
            routes.Add(Route($"{site.Name}-National", $@"^\+{site.CountryCode}\d{{8,10}}$", $"{site.Name}-National", gateways));
            routes.Add(Route($"{site.Name}-International", $@"^\+(?!{site.CountryCode})\d{{7,15}}$", $"{site.Name}-International", gateways[..1]));
        }

        routes.Add(Route("Emergency", @"^\+?(112|911|999)$", "Emergency", [$"PstnGateway:{sites[0].Gateway(1, Domain)}"]));
        d.Items.Add(Global("PstnRoutingSettings", VoiceNs, routes, NewGuid()));

        d.Items.Add(Global("VoicePolicy", VoiceNs, VoicePolicy("Default voice policy", false, "Internal", "Emergency"), NewGuid()));
        foreach (var site in sites)
        {
            d.Items.Add(Site(site, "VoicePolicy", VoiceNs, VoicePolicy($"{site.Name} national", false, $"{site.Name}-Local", $"{site.Name}-National", "Emergency"), NewGuid()));
            d.Items.Add(Tag($"VP-{site.Name}-National", "VoicePolicy", VoiceNs, VoicePolicy($"{site.Name} users, national calls", true, $"{site.Name}-Local", $"{site.Name}-National", "Emergency")));
            d.Items.Add(Tag($"VP-{site.Name}-Intl", "VoicePolicy", VoiceNs, VoicePolicy($"{site.Name} users, international calls", true, $"{site.Name}-Local", $"{site.Name}-National", $"{site.Name}-International", "Emergency")));
            d.Items.Add(Tag($"VP-{site.Name}-Restricted", "VoicePolicy", VoiceNs, VoicePolicy($"{site.Name} lobby and kiosk phones", false, $"{site.Name}-Local", "Emergency")));
            d.Items.Add(Site(site, "LocationProfile", VoiceNs, DialPlan(site), NewGuid()));
        }

        d.Items.Add(Tag("VP-Executives", "VoicePolicy", VoiceNs, VoicePolicy("Executives: everything", true, "Dublin-International", "London-International", "NewYork-International", "Premium", "Emergency")));
        d.Items.Add(Global("LocationProfile", VoiceNs, El(VoiceNs, "LocationProfile", At("SimpleName", "DefaultProfile"), At("OptimizeDeviceDialing", false),
            Rule("Keep-E164", @"^\+(\d+)$", "+$1", false)), NewGuid()));
        d.Items.Add(Global("VoiceConfiguration", VoiceNs, El(VoiceNs, "VoiceConfiguration", At("EnableVoiceAnalytics", false)), NewGuid()));
        d.Items.Add(Global("LocationPolicy", LocationNs, El(LocationNs, "LocationPolicy", At("EnhancedEmergencyServicesEnabled", true), At("PstnUsage", "Emergency"),
            At("EmergencyDialString", "112"), At("EmergencyDialMask", "999;911"), At("LocationRequired", "Disclaimer")), NewGuid()));
    }

    /// <summary>
    /// The admin's own Test-CsVoiceTestConfiguration cases, worked out by hand from the dial plans and
    /// routes above: per site an extension, a national, an international and an emergency call.
    /// </summary>
    private static void AddVoiceTestCases(SyntheticDeployment d)
    {
        foreach (var site in SyntheticSite.All)
        {
            var us = site.CountryCode == "1";
            var national = us ? "3125550100" : site.CountryCode == "44" ? "0161496000" : "0876543210";
            var abroad = site.CountryCode == "44" ? "35318881234" : "442079460000";
            var cases = new (string Name, string Dialed, string Expected, string Usage)[]
            {
                ("Extension", $"{site.SiteId}123", $"+{site.CountryCode}{site.AreaCode}555{site.SiteId}123", $"{site.Name}-Local"),
                ("National", national, $"+{site.CountryCode}{(us ? national : national[1..])}", $"{site.Name}-National"),
                ("International", (us ? "011" : "00") + abroad, $"+{abroad}", $"{site.Name}-International"),
                ("Emergency", us ? "911" : "112", us ? "911" : "112", "Emergency"),
            };
            foreach (var (name, dialed, expected, usage) in cases)
            {
                d.VoiceTestCases.Add(new SyntheticCmsItem("TestConfiguration", VoiceNs, "Global", El(ScopeNs, "Key", At("Name", $"{site.Name}-{name}")),
                    El(VoiceNs, "TestConfiguration", At("Name", $"{site.Name}-{name}"), At("DialedNumber", dialed), At("ExpectedTranslatedNumber", expected),
                        At("ExpectedUsage", usage), At("ExpectedRoute", usage), At("TargetDialplan", $"Site:{site.Name}"), At("TargetVoicePolicy", $"Tag:VP-{site.Name}-Intl")),
                    new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name + site.Name)))));   // drawn apart from the seed's sequence, which every other item follows
            }
        }
    }

    private static XElement Route(string name, string pattern, string usage, string[] gateways) =>
        El(VoiceNs, "Route", At("Name", name), At("NumberPattern", pattern), At("SuppressCallerId", false),
            El(VoiceNs, "PstnUsages", usage), gateways.Select(g => El(VoiceNs, "PstnGatewayList", g)));

    private XElement VoicePolicy(string description, bool simulRing, params string[] usages) =>
        El(VoiceNs, "VoicePolicy",
            At("Description", description), At("AllowSimulRing", simulRing), At("AllowCallForwarding", true), At("EnableDelegation", true),
            At("EnableTeamCall", true), At("EnableCallTransfer", true), At("EnableCallPark", _random.Next(2) == 0), At("EnableMaliciousCallTracing", false),
            At("EnableBWPolicyOverride", false), At("PreventPSTNTollBypass", false), At("AllowPSTNReRouting", true),
            usages.Select(u => El(VoiceNs, "PstnUsages", u)));

    private static XElement DialPlan(SyntheticSite site)
    {
        var national = site.CountryCode == "1" ? @"^1?(\d{10})$" : @"^0(\d{8,10})$";
        var nationalTranslation = site.CountryCode == "1" ? "+1$1" : $"+{site.CountryCode}$1";
        return El(VoiceNs, "LocationProfile",
            At("SimpleName", site.Name), At("Description", $"{site.City} dial plan"), At("ExternalAccessPrefix", "9"), At("OptimizeDeviceDialing", true),
            At("DialinConferencingRegion", site.Region),
            Rule($"{site.Name}-Internal-4digit", $@"^({site.SiteId}\d{{3}})$", $"+{site.CountryCode}{site.AreaCode}555$1", true),
            Rule($"{site.Name}-Local", @"^([2-9]\d{6,7})$", $"+{site.CountryCode}{site.AreaCode}$1", false),
            Rule($"{site.Name}-National", national, nationalTranslation, false),
            Rule($"{site.Name}-International", site.CountryCode == "1" ? @"^011(\d+)$" : @"^00(\d+)$", "+$1", false),
            Rule($"{site.Name}-Emergency", @"^(112|911|999)$", "$1", false),
            Rule($"{site.Name}-Service", @"^(1\d{2})$", $"+{site.CountryCode}$1", false));
    }

    internal static XElement Rule(string name, string pattern, string translation, bool internalExtension) =>
        El(VoiceNs, "NormalizationRules", At("Name", name), At("Pattern", pattern), At("Translation", translation), At("IsInternalExtension", internalExtension));
}
