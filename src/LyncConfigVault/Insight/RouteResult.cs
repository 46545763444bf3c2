namespace LyncConfigVault.Insight;

/// <summary>
/// Where one dialed number goes (lcv.route/1): the rule that normalized it, the usage and route that
/// carried it, the gateways, and what is sent to each. Outcome: routed, no-route, no-usage, not-normalized,
/// policy-missing or dial-plan-missing (the snapshot has no such voice policy or dial plan).
/// Translated is what the first gateway, the one tried first, receives; Translations has every gateway's.
/// </summary>
internal sealed record RouteResult(
    string Dialed,
    string DialPlan,
    string? Rule,
    string? Normalized,
    string VoicePolicy,
    string? Usage,
    string? Route,
    IReadOnlyList<string> Gateways,
    string? Translated,
    string Outcome,
    IReadOnlyList<string> Steps)
{
    public const string Routed = "routed";
    public const string NoRoute = "no-route";
    public const string NoUsage = "no-usage";
    public const string NotNormalized = "not-normalized";
    public const string PolicyMissing = "policy-missing";
    public const string DialPlanMissing = "dial-plan-missing";

    /// <summary>Each gateway of the route in failover order, with its own trunk configuration's translation.</summary>
    public IReadOnlyList<GatewayTranslation> Translations { get; init; } = [];

    public bool IsMissing => Outcome is PolicyMissing or DialPlanMissing;
}

/// <summary>What one gateway receives: the trunk configuration that covers it, its matching outbound rule (if any) and the digits sent.</summary>
internal sealed record GatewayTranslation(string Gateway, string Trunk, string? Rule, string Sent);
