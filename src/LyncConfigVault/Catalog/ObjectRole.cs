namespace LyncConfigVault.Catalog;

/// <summary>
/// The part a type plays in how Lync places a call, as lcv's offline router, checks and impact read it; the
/// catalog says which noun plays it, so a noun renamed or stored elsewhere leaves the router whole.
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
}
