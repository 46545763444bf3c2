namespace LyncConfigVault.Catalog;

/// <summary>The rows of <see cref="LyncCatalog.Default"/>. Adding a type is one row plus a test.</summary>
internal static class LyncCatalogRows
{
    private static readonly string[] ExportMetadata = ["Export"];

    public static IReadOnlyList<CatalogEntry> All { get; } =
    [
        // Voice (FORMATS.md §2.6, §2.7)
        Policy("VoicePolicy", "voice", "VoicePolicy") with
        {
            Role = ObjectRole.VoicePolicy,
            ScriptNoun = "VoicePolicy",
            OrderedLists = ["PstnUsages"],
            References = new Dictionary<string, string> { ["PstnUsages"] = "PstnUsage" },
        },
        Policy("VoiceRoutingPolicy", "voice", "VoiceRoutingPolicy") with
        {
            OrderedLists = ["PstnUsages"],
            References = new Dictionary<string, string> { ["PstnUsages"] = "PstnUsage" },
        },
        Policy("DialPlan", "voice", "LocationProfile") with
        {
            Role = ObjectRole.DialPlan,
            Patterns = ["NormalizationRules.Pattern"],
            OrderedLists = ["NormalizationRules"],
            KeyedLists = new Dictionary<string, string> { ["NormalizationRules"] = "Name" },
            ScriptNoun = "DialPlan",
            ScriptedLists = new Dictionary<string, string> { ["NormalizationRules"] = "VoiceNormalizationRule" },
        },
        Policy("PstnUsages", "voice", "PSTNUsages", "PstnUsages") with
        {
            Role = ObjectRole.PstnUsages,
            Lists = ["Usage"],
            Defines = new Dictionary<string, string> { ["Usage"] = "PstnUsage" },
            ScriptNoun = "PstnUsage",
        },
        Policy("RoutingConfiguration", "voice", "PstnRoutingSettings", "PSTNRoutingSettings") with
        {
            Splits = [new SplitRule(null, "Route", "VoiceRoute", Ordered: true)],
        },
        Child("VoiceRoute", "voice", "Route", "Name") with
        {
            Role = ObjectRole.VoiceRoute,
            Patterns = ["NumberPattern"],
            ScriptNoun = "VoiceRoute",
            Lists = ["PstnUsages", "PstnGatewayList"],
            References = new Dictionary<string, string> { ["PstnUsages"] = "PstnUsage", ["PstnGatewayList"] = "Service" },
        },
        Policy("VoiceTestConfiguration", "voice", "TestConfiguration") with
        {
            Role = ObjectRole.VoiceTest,
            References = new Dictionary<string, string>
            {
                ["TargetDialplan"] = "DialPlan", ["TargetVoicePolicy"] = "VoicePolicy", ["ExpectedUsage"] = "PstnUsage", ["ExpectedRoute"] = "VoiceRoute",
            },
        },
        Policy("VoiceConfiguration", "voice", "VoiceConfiguration"),
        Policy("LocationPolicy", "voice", "LocationPolicy") with
        {
            References = new Dictionary<string, string> { ["PstnUsage"] = "PstnUsage" },
        },
        Policy("UnassignedNumber", "voice", "AnnouncementVacantNumberRange", "UnassignedNumber") with { OrderedLists = ["VacantNumberRange"] },
        Policy("CallParkOrbit", "voice", "CallParkOrbits", "CallParkOrbitSettings"),
        Policy("Announcement", "voice", "Announcement"),

        // Trunks: translation rules are tried in priority order (MS-DOC), so they are ordered and keyed by Name.
        Policy("TrunkConfiguration", "trunk", "TrunkConfiguration") with
        {
            Role = ObjectRole.Trunk,
            Patterns = ["OutboundTranslationRulesList.Pattern", "OutboundCallingNumberTranslationRulesList.Pattern"],
            OrderedLists =
            [
                "OutboundTranslationRulesList", "OutboundCallingNumberTranslationRulesList",
                "SipResponseCodeTranslationRulesList", "PstnUsages",
            ],
            KeyedLists = new Dictionary<string, string>
            {
                ["OutboundTranslationRulesList"] = "Name",
                ["OutboundCallingNumberTranslationRulesList"] = "Name",
                ["SipResponseCodeTranslationRulesList"] = "Name",
            },
            References = new Dictionary<string, string> { ["PstnUsages"] = "PstnUsage" },
            ScriptNoun = "TrunkConfiguration",
            ScriptedLists = new Dictionary<string, string>
            {
                ["OutboundTranslationRulesList"] = "OutboundTranslationRule",
                ["OutboundCallingNumberTranslationRulesList"] = "OutboundCallingNumberTranslationRule",
            },
        },

        // User policies
        Policy("ClientPolicy", "policy", "ClientPolicy") with { ScriptNoun = "ClientPolicy" },
        Policy("ExternalAccessPolicy", "policy", "ExternalAccessPolicy") with { ScriptNoun = "ExternalAccessPolicy" },
        Policy("MobilityPolicy", "policy", "MobilityPolicy", "Mobility") with { ScriptNoun = "MobilityPolicy" },
        Policy("ArchivingPolicy", "policy", "IMArchivingPolicy"),
        Policy("PinPolicy", "policy", "UserPinPolicy"),
        Policy("PresencePolicy", "policy", "PresencePolicy"),
        Policy("UserServicesPolicy", "policy", "UserServicesPolicy"),
        Policy("PersistentChatPolicy", "policy", "PersistentChatPolicy"),
        Policy("ClientVersionPolicy", "policy", "ClientVersion", "ClientVersionPolicy"),

        // Conferencing
        Policy("ConferencingPolicy", "conferencing", "MeetingPolicy") with { ScriptNoun = "ConferencingPolicy" },
        Policy("ConferencingConfiguration", "conferencing", "ConfSettings"),
        Policy("DialInConferencingConfiguration", "conferencing", "DialInConferencingConfiguration"),
        Policy("SimpleUrlConfiguration", "conferencing", "SimpleUrlConfiguration") with
        {
            Lists = ["SimpleUrl", "SimpleUrlEntry"],
            // One simple URL per component and SIP domain (Meet per domain, Dialin and Cscp once): a changed meeting URL is one value.
            KeyedLists = new Dictionary<string, string> { ["SimpleUrl"] = "Component,Domain", ["SimpleUrlEntry"] = "Url" },
        },

        // Server settings
        Policy("RegistrarConfiguration", "other", "RegistrarSettings"),
        Policy("MediaConfiguration", "other", "MediaSettings"),
        Policy("WebServiceConfiguration", "other", "WebServiceSettings"),
        Policy("CallParkServiceConfiguration", "voice", "CallParkServiceSettings"),
        Policy("ServiceAssignments", "topology", "ServiceAssignments") with
        {
            Lists = ["ServiceAssignment", "Component"],
            KeyedLists = new Dictionary<string, string> { ["ServiceAssignment"] = "TagId" },
        },
        Policy("AccessEdgeConfiguration", "network", "AccessEdgeSettings", "EdgeSettings") with
        {
            Lists = ["AllowedDomain", "BlockedDomain", "HostingProvider"],
        },

        // Call admission control: one Global document whose lists are objects in their own right.
        Policy("NetworkConfiguration", "network", "NetworkConfigurationSettings") with
        {
            Splits =
            [
                new SplitRule(null, "NetworkRegions", "NetworkRegion"),
                new SplitRule(null, "NetworkSites", "NetworkSite"),
                new SplitRule(null, "Subnets", "NetworkSubnet"),
                new SplitRule(null, "BWPolicyProfiles", "BandwidthPolicyProfile"),
                new SplitRule(null, "NetworkRegionLinks", "NetworkRegionLink"),
                new SplitRule(null, "InterNetworkRegionRoutes", "NetworkInterRegionRoute"),
                new SplitRule(null, "InterNetworkSitePolicies", "NetworkInterSitePolicy"),
            ],
        },
        Child("NetworkRegion", "network", "NetworkRegions", "NetworkRegionID"),
        Child("NetworkSite", "network", "NetworkSites", "NetworkSiteID") with
        {
            References = new Dictionary<string, string> { ["NetworkRegionID"] = "NetworkRegion" },
        },
        Child("NetworkSubnet", "network", "Subnets", "SubnetID") with
        {
            References = new Dictionary<string, string> { ["NetworkSiteID"] = "NetworkSite" },
        },
        Child("BandwidthPolicyProfile", "network", "BWPolicyProfiles", "BWPolicyProfileID"),
        Child("NetworkRegionLink", "network", "NetworkRegionLinks", "NetworkRegionLinkID"),
        Child("NetworkInterRegionRoute", "network", "InterNetworkRegionRoutes", "InterNetworkRegionRouteID"),
        Child("NetworkInterSitePolicy", "network", "InterNetworkSitePolicies", "InterNetworkSitePolicyID"),

        // The published topology (FORMATS.md §3): one document, split into readable objects.
        new CatalogEntry("Topology", "topology", ["Topology"])
        {
            Role = ObjectRole.Topology,
            Folder = "topology",
            FixedPath = "topology/Topology.yaml",
            Part = "topology",
            Volatile = ["Export", "Topology.Signature"],
            Lists = ["InternalDomain"],
            Splits =
            [
                new SplitRule("Sites", "*", "Site"),
                new SplitRule("Clusters", "Cluster", "Pool"),
                new SplitRule("SqlInstances", "SqlInstance", "SqlInstance"),
                new SplitRule("Services", "Service", "Service"),
            ],
        },
        new CatalogEntry("Site", "topology", ["CentralSite", "BranchSite"])
        {
            Role = ObjectRole.Site,
            Folder = "topology/sites", Part = "topology", SplitOut = true,
            Identity = IdentityRule.SiteName, IdentitySource = "Name", Volatile = ExportMetadata,
        },
        new CatalogEntry("Pool", "topology", ["Cluster"])
        {
            Role = ObjectRole.Pool,
            Folder = "topology/pools", Part = "topology", SplitOut = true,
            Identity = IdentityRule.Attribute, IdentitySource = "Fqdn",
            Lists = ["Machine", "NetInterface"],
            // A server's interfaces by side and number, as Topology Builder lists them: an Edge server's external IP is one value.
            KeyedLists = new Dictionary<string, string> { ["Machine"] = "Fqdn", ["NetInterface"] = "InterfaceSide,InterfaceNumber" },
            // "pool01: Registrar, UserServer, WebServer": for reading; the services themselves are objects of their own.
            Derived = ["Cluster.Site", "Cluster.Services"],
            Volatile = ["Export", "Cluster.Site", "Cluster.Services"],
        },
        new CatalogEntry("SqlInstance", "topology", ["SqlInstance"])
        {
            Folder = "topology/sql-instances", Part = "topology", SplitOut = true,
            Identity = IdentityRule.SqlInstance, Volatile = ExportMetadata,
        },
        new CatalogEntry("Service", "topology", ["Service"])
        {
            Role = ObjectRole.Service,
            Folder = "topology/services", Part = "topology", SplitOut = true,
            Identity = IdentityRule.TopologyService,
            Lists = ["Dependency", "Port"],
            // A service listens once per component, use and interface; it depends on each other service once.
            KeyedLists = new Dictionary<string, string> { ["Port"] = "Owner,Usage,InterfaceSide,InterfaceNumber,Protocol", ["Dependency"] = "Uses" },
            // Dependencies read by name ("PstnGateway:gw02.contoso.com"); the numeric ids behind them are not the setting.
            Derived = ["Service.DependsOn.Dependency.Uses", "Service.InstalledOn.Pool"],
            Volatile = ["Export", "Service.DependsOn.Dependency.ServiceId", "Service.InstalledOn.ClusterId"],
            References = new Dictionary<string, string> { ["DependsOn.Dependency.Uses"] = "Service", ["InstalledOn.Pool"] = "Pool" },
        },

        // Response Group (FORMATS.md §4): one file per object kind in each pool's export, CliXml objects.
        // Elements are the export's file names; references are resolved to the target's Name.
        Rgs("RgsWorkflow", "workflows", "Workflows", "Workflow") with
        {
            References = new Dictionary<string, string> { ["BusinessHoursID"] = "RgsHoursOfBusiness", ["HolidaySetIDList"] = "RgsHolidaySet", ["**.QueueID"] = "RgsQueue" },
            KeyedLists = new Dictionary<string, string> { ["AnswerList"] = "Name" },
        },
        Rgs("RgsQueue", "queues", "Queues", "Queue") with
        {
            OrderedLists = ["AgentGroupIDList"],
            References = new Dictionary<string, string> { ["AgentGroupIDList"] = "RgsAgentGroup", ["**.QueueID"] = "RgsQueue" },
            KeyedLists = new Dictionary<string, string> { ["AnswerList"] = "Name" },
        },
        Rgs("RgsAgentGroup", "agent-groups", "AgentGroups", "AgentGroup") with
        {
            // Serial and round-robin routing ring agents in list order; the other methods ring them as a set.
            OrderedWhen = new Dictionary<string, OrderCondition> { ["AgentsByUri"] = new("RoutingMethod", ["Serial", "RoundRobin"]) },
        },
        Rgs("RgsHoursOfBusiness", "hours-of-business", "HoursOfBusiness", "HoursOfBusiness"),
        Rgs("RgsHolidaySet", "holiday-sets", "HolidaySets", "HolidaySet") with
        {
            KeyedLists = new Dictionary<string, string> { ["HolidayList"] = "Name" },
        },
        Rgs("RgsConfiguration", "service-settings", "Configuration", "Configuration") with { Role = ObjectRole.RgsSettings },
        Rgs("RgsAgents", "agents", "Agents", "Agents") with { WholeFile = true },
        Rgs("RgsManagers", "managers", "Managers", "Managers") with { WholeFile = true },
        Rgs("RgsAudio", "audio", "Audio", "Audio") with
        {
            Role = ObjectRole.RgsAudio,
            // Who uses which file is shown where it is used (the prompt's Sha256); files nothing uses are configuration here.
            Volatile = ["Export", "Audio.Files"],
            KeyedLists = new Dictionary<string, string> { ["Files"] = "Sha256", ["Unreferenced"] = "Sha256" },
        },

        // A file of the Response Group export lcv does not know, kept whole: rgs/<pool>/other/<file>.yaml.
        new CatalogEntry("RgsFile", "rgs", []) { Role = ObjectRole.RgsFile, Folder = "other", Part = "rgs", Identity = IdentityRule.PoolObject, Volatile = ExportMetadata },

        // E9-1-1 (FORMATS.md §5): one file per civic location, holding the network elements mapped to it,
        // each keyed by its natural key (§5.2), so a subnet moved to another floor reads as one move.
        new CatalogEntry("LisLocation", "lis", ["Location"])
        {
            Role = ObjectRole.LisLocation,
            Folder = "lis/locations", Part = "lis", Identity = IdentityRule.Attribute, IdentitySource = "Location", Volatile = ExportMetadata,
            KeyedLists = new Dictionary<string, string>
            {
                ["Subnets"] = "Subnet", ["WirelessAccessPoints"] = "BSSID", ["Switches"] = "ChassisID", ["Ports"] = "Port",
            },
        },
        LisElement("LisSubnet", "Subnet", "Subnets", "Subnet"),
        LisElement("LisWirelessAccessPoint", "WirelessAccessPoint", "WirelessAccessPoints", "BSSID"),
        LisElement("LisSwitch", "Switch", "Switches", "ChassisID"),
        LisElement("LisPort", "Port", "Ports", "ChassisID,PortID,PortIDSubType"),
        new CatalogEntry("LisServiceProvider", "lis", ["ServiceProvider"])
        {
            Role = ObjectRole.LisServiceProvider,
            Folder = "lis/service-providers", Part = "lis", Identity = IdentityRule.Attribute, IdentitySource = "ServiceProviderName", Volatile = ExportMetadata,
            Secret = ["**.CertPassword", "**.Password"],
        },

        // LIS elements lcv does not know, kept whole, one file per element name: lis/other/<element>.yaml.
        new CatalogEntry("LisOther", "lis", []) { Role = ObjectRole.LisOther, Folder = "lis/other", Part = "lis", Identity = IdentityRule.Attribute, Volatile = ExportMetadata },

        // Personal data (FORMATS.md §6), opt-in: one file per user under users/<pool>/, pseudonymized by default.
        new CatalogEntry("UserData", "users", ["HomedResource"])
        {
            Role = ObjectRole.UserData,
            Folder = "users", Part = "users", Identity = IdentityRule.Attribute, Volatile = ExportMetadata,
            KeyedLists = new Dictionary<string, string> { ["ContactGroups"] = "Number", ["Contacts"] = "Buddy", ["Privacy"] = "ContainerNumber" },
        },
        new CatalogEntry("UserDataSummary", "users", ["UserDataSummary"]) { Role = ObjectRole.UserDataSummary, Folder = "summary", Part = "users", Identity = IdentityRule.PoolObject, Volatile = ExportMetadata },
        new CatalogEntry("PersistentChatData", "users", ["PersistentChatData"])
        {
            Role = ObjectRole.PersistentChatData,
            Folder = "users/persistent-chat", Part = "users", Volatile = ExportMetadata,
            KeyedLists = new Dictionary<string, string> { ["Entries"] = "Name" },
        },
        new CatalogEntry("UserPolicyAssignments", "users", ["UserPolicyAssignments"])
        {
            Role = ObjectRole.UserPolicyAssignments,
            Folder = "users/policy-assignments", Part = "users", Identity = IdentityRule.Attribute, Volatile = ExportMetadata,
            KeyedLists = new Dictionary<string, string> { ["Users"] = "User" },
        },
    ];

    /// <summary>
    /// A network element mapped to a location: filed inside the location's file under <paramref name="list"/>,
    /// keyed by <paramref name="key"/> (several attributes, comma-separated, make one key named after the element).
    /// </summary>
    private static CatalogEntry LisElement(string noun, string element, string list, string key) =>
        new(noun, "lis", [element])
        {
            Folder = list, Part = "lis", SplitOut = true, Identity = IdentityRule.Attribute, IdentitySource = key, Volatile = ExportMetadata,
        };

    /// <summary>
    /// One kind of Response Group object, filed per pool: rgs/&lt;pool&gt;/&lt;folder&gt;/&lt;Name&gt;.yaml, its values under
    /// <paramref name="setting"/>, as Get-CsRgs&lt;setting&gt; names the object.
    /// </summary>
    private static CatalogEntry Rgs(string noun, string folder, string file, string setting) =>
        new(noun, "rgs", [file]) { Folder = folder, Part = "rgs", Identity = IdentityRule.PoolObject, Volatile = ExportMetadata, SettingName = setting };

    /// <summary>A CMS document with one object per scope (Global, Site:X, Tag:X, Service:X).</summary>
    private static CatalogEntry Policy(string noun, string area, params string[] elements) =>
        new(noun, area, elements) { Folder = $"cms/{area}/{noun}", Volatile = ExportMetadata };

    /// <summary>An object held as a repeated child inside a Global document, identified by one attribute.</summary>
    private static CatalogEntry Child(string noun, string area, string element, string identityAttribute) =>
        new(noun, area, [element])
        {
            Folder = $"cms/{area}/{noun}",
            SplitOut = true,
            Identity = IdentityRule.Attribute,
            IdentitySource = identityAttribute,
            Volatile = ExportMetadata,
        };
}
