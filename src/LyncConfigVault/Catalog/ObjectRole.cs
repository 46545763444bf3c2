namespace LyncConfigVault.Catalog;

/// <summary>
/// The part a type plays that lcv's code relies on: in how Lync places a call (as the offline router, checks
/// and impact read it), or in how an export is laid out (as the normalizers and rebuilders read it). The
/// catalog says which noun plays it, so a noun renamed or stored elsewhere leaves that code whole.
/// </summary>
internal enum ObjectRole
{
    None,

    /// <summary>Normalization rules that turn what a user dials into E.164 (Get-CsDialPlan).</summary>
    DialPlan,

    /// <summary>The PSTN usages a user's calls may take, in order (Get-CsVoicePolicy).</summary>
    VoicePolicy,

    /// <summary>The deployment's list of PSTN usage names (Get-CsPstnUsage).</summary>
    PstnUsages,

    /// <summary>A number pattern, usages and gateways, tried by priority (Get-CsVoiceRoute).</summary>
    VoiceRoute,

    /// <summary>A gateway's or site's outbound translation rules (Get-CsTrunkConfiguration).</summary>
    Trunk,

    /// <summary>A number with the translation, usage and route it should get (Get-CsVoiceTestConfiguration).</summary>
    VoiceTest,

    /// <summary>A topology site: what Site: scopes name.</summary>
    Site,

    /// <summary>A topology service (Role:fqdn): what Service: scopes and a route's gateways name.</summary>
    Service,

    /// <summary>A topology pool (a cluster of servers): where services are installed, in a site.</summary>
    Pool,

    // How exports are laid out: each is one type, found by its role rather than by its noun.

    /// <summary>The published topology document (Get-CsTopology -AsXml), its sites, pools and services split out.</summary>
    Topology,

    /// <summary>A civic address with the subnets, switches, ports and access points mapped to it (Get-CsLisLocation).</summary>
    LisLocation,

    /// <summary>An E9-1-1 service provider (Get-CsLisServiceProvider).</summary>
    LisServiceProvider,

    /// <summary>LIS elements the catalog does not know, kept whole, one object per element name.</summary>
    LisOther,

    /// <summary>A pool's one set of Response Group service settings (Get-CsRgsConfiguration): no name of its own.</summary>
    RgsSettings,

    /// <summary>A pool's Response Group audio files: each file's name and content, and those nothing refers to.</summary>
    RgsAudio,

    /// <summary>A Response Group export file the catalog does not know, kept whole.</summary>
    RgsFile,

    /// <summary>One user's contacts, groups and privacy settings (Export-CsUserData).</summary>
    UserData,

    /// <summary>A pool's user data in figures: users, contacts, groups.</summary>
    UserDataSummary,

    /// <summary>Persistent Chat rooms and categories (Export-CsPersistentChatData).</summary>
    PersistentChatData,

    /// <summary>Which users are granted which per-user policies, per pool.</summary>
    UserPolicyAssignments,
}
