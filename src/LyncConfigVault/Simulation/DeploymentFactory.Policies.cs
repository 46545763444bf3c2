using System.Xml.Linq;

namespace LyncConfigVault.Simulation;

internal sealed partial class DeploymentFactory
{
    private static readonly string[] ClientPolicyNames = ["CP-Kiosk", "CP-Executives", "CP-NoPhotos", "CP-Lync2010Compat", "CP-CallCentre", "CP-Contractors"];
    private static readonly string[] MeetingPolicyNames = ["Conf-NoRecording", "Conf-Large", "Conf-External", "Conf-Training"];
    private static readonly string[] ExternalPolicyNames = ["EA-FederationOnly", "EA-AllowAll", "EA-NoPublicIM"];

    private void AddTrunks(SyntheticDeployment d)
    {
        d.Items.Add(Global("TrunkConfiguration", TrunkNs, Trunk(null), NewGuid()));
        foreach (var site in SyntheticSite.All)
        {
            foreach (var number in site.IsBranch ? new[] { 1 } : [1, 2])
            {
                d.Items.Add(Service("PstnGateway", site.SiteId, number, "TrunkConfiguration", TrunkNs, Trunk(site), NewGuid()));
            }
        }
    }

    internal static XElement Trunk(SyntheticSite? site) => El(TrunkNs, "TrunkConfiguration",
        At("ConcentratedTopology", true), At("EnableBypass", site is not null), At("EnableReferSupport", true), At("EnableSessionTimer", false),
        At("MaxEarlyDialogs", 20), At("RTCPActiveCalls", true), At("SRTPMode", "Required"), At("Enable3pccRefer", false),
        site is null
            ? null
            : new object[]
            {
                El(TrunkNs, "OutboundTranslationRulesList", At("Name", $"{site.Name}-StripPlus"), At("Pattern", $@"^\+{site.CountryCode}(\d+)$"), At("Translation", "0$1")),
                El(TrunkNs, "OutboundTranslationRulesList", At("Name", $"{site.Name}-IntlPrefix"), At("Pattern", @"^\+(\d+)$"), At("Translation", site.CountryCode == "1" ? "011$1" : "00$1")),
            });

    private void AddUserPolicies(SyntheticDeployment d)
    {
        d.Items.Add(Global("ClientPolicy", ClientNs, ClientPolicy(false), NewGuid()));
        foreach (var name in ClientPolicyNames)
        {
            d.Items.Add(Tag(name, "ClientPolicy", ClientNs, ClientPolicy(name.Contains("Kiosk"))));
        }

        d.Items.Add(Global("MeetingPolicy", MeetingNs, MeetingPolicy(250, true), NewGuid()));
        foreach (var name in MeetingPolicyNames)
        {
            d.Items.Add(Tag(name, "MeetingPolicy", MeetingNs, MeetingPolicy(name.Contains("Large") ? 1000 : 250, !name.Contains("NoRecording"))));
        }

        d.Items.Add(Global("ExternalAccessPolicy", ExternalNs, ExternalAccess(true, false), NewGuid()));
        foreach (var name in ExternalPolicyNames)
        {
            d.Items.Add(Tag(name, "ExternalAccessPolicy", ExternalNs, ExternalAccess(true, name.Contains("AllowAll"))));
        }

        d.Items.Add(Global("MobilityPolicy", MobilityNs, El(MobilityNs, "MobilityPolicy", At("EnableMobility", true), At("EnableOutsideVoice", true),
            At("RequireWiFiForIPAudio", false), At("RequireWiFiForIPVideo", true)), NewGuid()));
    }

    internal XElement ClientPolicy(bool restricted) => El(ClientNs, "ClientPolicy",
        At("DisableSavingIM", restricted), At("DisablePhotos", restricted), At("EnableHotdesking", restricted), At("HotdeskingTimeout", "00:05:00"),
        At("MaxPhotoSizeKB", 30), At("EnableSkillsSearch", !restricted), At("EnableIMAutoArchiving", _random.Next(3) == 0), At("PolicyEntry", ""));

    private static XElement MeetingPolicy(int size, bool recording) => El(MeetingNs, "MeetingPolicy",
        At("AllowIPAudio", true), At("AllowIPVideo", true), At("AllowUserToScheduleMeetingsWithAppSharing", true), At("MaxMeetingSize", size),
        At("AllowConferenceRecording", recording), At("EnableDialinConferencing", true), At("EnableAppDesktopSharing", "Desktop"), At("AllowAnonymousParticipantsInMeetings", true));

    private static XElement ExternalAccess(bool federation, bool publicIm) => El(ExternalNs, "ExternalAccessPolicy",
        At("EnableFederationAccess", federation), At("EnablePublicCloudAccess", publicIm), At("EnableOutsideAccess", true), At("EnableXmppAccess", false));

    private void AddNetwork(SyntheticDeployment d)
    {
        var network = El(NetworkNs, "NetworkConfigurationSettings", At("EnableBandwidthPolicyCheck", true),
            El(NetworkNs, "MediaBypassSettings", At("Enabled", true), At("AlwaysBypass", false), At("InternalBypassMode", "Auto"), At("ExternalBypassMode", "Off")),
            El(NetworkNs, "NetworkRegions", At("NetworkRegionID", "EMEA"), At("CentralSite", "Site:Dublin"), At("Description", "Europe")),
            El(NetworkNs, "NetworkRegions", At("NetworkRegionID", "NorthAmerica"), At("CentralSite", "Site:NewYork"), At("Description", "Americas")),
            El(NetworkNs, "BWPolicyProfiles", At("BWPolicyProfileID", "10Mb-Link"), At("AudioBWLimit", 2000), At("AudioBWSessionLimit", 175), At("VideoBWLimit", 1400), At("VideoBWSessionLimit", 700)));
        var octet = 10;
        foreach (var site in SyntheticSite.All)
        {
            network.Add(El(NetworkNs, "NetworkSites", At("NetworkSiteID", site.Name), At("NetworkRegionID", site.Region), At("BWPolicyProfileID", "10Mb-Link")));
            for (var floor = 1; floor <= 3; floor++)
            {
                network.Add(Subnet($"10.{octet}.{floor}.0", site.Name, $"{site.Name} floor {floor}"));
            }

            octet++;
        }

        d.Items.Add(Global("NetworkConfigurationSettings", NetworkNs, network, NewGuid()));
    }

    internal static XElement Subnet(string id, string site, string description) =>
        El(NetworkNs, "Subnets", At("SubnetID", id), At("MaskBits", 24), At("NetworkSiteID", site), At("Description", description));

    private void AddGlobalSettings(SyntheticDeployment d)
    {
        d.Items.Add(Global("SimpleUrlConfiguration", SimpleUrlNs, El(SimpleUrlNs, "SimpleUrlConfiguration",
            SimpleUrl("Meet", $"https://meet.{Domain}"), SimpleUrl("Dialin", $"https://dialin.{Domain}"), SimpleUrl("Cscp", $"https://lyncadmin.{Domain}")), NewGuid()));
    }

    private static XElement SimpleUrl(string component, string url) => El(SimpleUrlNs, "SimpleUrl",
        At("Component", component), At("Domain", component == "Meet" ? Domain : "*"), At("ActiveUrl", url), El(SimpleUrlNs, "SimpleUrlEntry", At("Url", url)));

    /// <summary>Adds per-user policies and subnets, the objects that grow with a real deployment, up to the asked size.</summary>
    private void Grow(SyntheticDeployment d, int objects)
    {
        var count = d.ObjectCount;
        var network = d.Of("NetworkConfigurationSettings").Single().Setting;
        var routes = d.Of("PstnRoutingSettings").Single().Setting;
        for (var i = 1; count < objects; i++, count++)
        {
            // A large deployment has many routes and dial plans too (one in twenty objects each): the voice model,
            // the route order and the impact of a change are measured where they cost something.
            var site = SyntheticSite.All[i % 6];
            switch (i % 20 == 2 ? -1 : i % 20 == 6 ? -2 : i % 4)
            {
                case -1:
                    routes.Add(Route($"Gen-{site.Name}-{i:00000}", $@"^\+{site.CountryCode}{site.AreaCode}{i:00000}\d{{2}}$", $"{site.Name}-Local",
                        [$"PstnGateway:{site.Gateway(1 + i % 2, Domain)}"]));
                    break;
                case -2:
                    d.Items.Add(Tag($"DP-Gen-{i:00000}", "LocationProfile", VoiceNs, El(VoiceNs, "LocationProfile",
                        At("SimpleName", $"DP-Gen-{i:00000}"), At("Description", $"{site.City} branch {i}"), At("ExternalAccessPrefix", "9"), At("OptimizeDeviceDialing", true),
                        Rule($"Gen-{i:00000}-Internal", $@"^({i % 9 + 1}\d{{3}})$", $"+{site.CountryCode}{site.AreaCode}{i:00000}$1", true),
                        Rule($"Gen-{i:00000}-National", @"^0(\d{8,10})$", $"+{site.CountryCode}$1", false))));
                    break;
                case 0:
                    d.Items.Add(Tag($"VP-Team-{i:00000}", "VoicePolicy", VoiceNs, VoicePolicy($"Team {i}", i % 3 == 0, "Dublin-Local", "Dublin-National", "Emergency")));
                    break;
                case 1:
                    d.Items.Add(Tag($"CP-Team-{i:00000}", "ClientPolicy", ClientNs, ClientPolicy(i % 5 == 0)));
                    break;
                default:
                    network.Add(Subnet($"172.{16 + (i / 65536 % 16)}.{i / 256 % 256}.{i % 256}", SyntheticSite.All[i % 6].Name, $"Generated subnet {i}"));
                    break;
            }
        }
    }
}
