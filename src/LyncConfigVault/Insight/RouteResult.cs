namespace LyncConfigVault.Insight;

/// <summary>
/// Where one dialed number goes (lcv.route/1): the rule that normalized it, the usage and route that
/// carried it, the gateways, and what is sent to the gateway. Outcome: routed, no-route, no-usage, not-normalized.
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
}
