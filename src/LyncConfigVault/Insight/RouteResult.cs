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

    /// <summary>
    /// Whether a call leaves the way <paramref name="other"/> does: same outcome and route, same gateways in the same
    /// order, each receiving the same digits. Compared without building strings: the diff's probes ask it for every number.
    /// </summary>
    public bool LeavesLike(RouteResult other)
    {
        if (Outcome != other.Outcome || Route != other.Route || Translations.Count != other.Translations.Count || Gateways.Count != other.Gateways.Count)
        {
            return false;
        }

        for (var i = 0; i < Gateways.Count; i++)
        {
            if (!string.Equals(Gateways[i], other.Gateways[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        for (var i = 0; i < Translations.Count; i++)
        {
            if (Translations[i].Sent != other.Translations[i].Sent)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What one gateway receives: the trunk configuration that covers it, its matching outbound rule (if any) and the digits sent.</summary>
internal sealed record GatewayTranslation(string Gateway, string Trunk, string? Rule, string Sent);
