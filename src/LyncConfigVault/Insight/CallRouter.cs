using System.Text.RegularExpressions;
using LyncConfigVault.Model;

namespace LyncConfigVault.Insight;

/// <summary>
/// Lync's outbound routing, offline: the dial plan's normalization rules in order (first match wins,
/// .NET regular expressions, $1 translations); then the voice policy's PSTN usages in order, and for
/// each the routes carrying it by priority, the first whose pattern matches; then, for each gateway of
/// that route in failover order, the outbound translation rules of the trunk configuration covering it
/// (gateway, then site, then global): two gateways of one route can receive different digits.
/// </summary>
internal sealed class CallRouter(VoiceModel model)
{
    private static readonly TimeSpan MatchLimit = TimeSpan.FromSeconds(1);

    // Each pattern compiled once per router: a deployment holds far more patterns than Regex's static cache (15).
    private readonly Dictionary<string, Regex?> _patterns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Identity, IReadOnlyList<NumberRule> Rules)> _trunks = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Number, string Usages), RouteResult> _probes = [];
    private Dictionary<string, List<RouteEntry>>? _routesByUsage;

    public RouteResult Route(string dialed, string dialPlan, string voicePolicy)
    {
        if (!model.DialPlans.TryGetValue(dialPlan, out var rules))
        {
            return Missing(dialed, dialPlan, voicePolicy, RouteResult.DialPlanMissing, $"There is no dial plan {dialPlan} in this snapshot.");
        }

        if (!model.VoicePolicies.TryGetValue(voicePolicy, out var usages))
        {
            return Missing(dialed, dialPlan, voicePolicy, RouteResult.PolicyMissing, $"There is no voice policy {voicePolicy} in this snapshot.");
        }

        var steps = new List<string>();
        var (rule, normalized) = Normalize(rules, dialed);
        if (rule is not null)
        {
            steps.Add($"Dial plan {dialPlan}: rule {rule.Name} ({rule.Pattern} → {rule.Translation}) makes {dialed} {normalized}.");
        }
        else if (normalized is not null)
        {
            steps.Add($"Dial plan {dialPlan}: no rule matches; {dialed} is already E.164 and is routed as it is.");
        }
        else
        {
            steps.Add($"Dial plan {dialPlan}: none of its {rules.Count} rules matches {dialed}; the call is not placed.");
            return new RouteResult(dialed, dialPlan, null, null, voicePolicy, null, null, [], null, RouteResult.NotNormalized, steps);
        }

        return Route(dialed, dialPlan, rule?.Name, normalized!, voicePolicy, usages, steps);
    }

    /// <summary>
    /// A number already normalized, routed by a voice policy alone (no dial plan: the diff's probes). Where a call
    /// leaves depends only on the number and the policy's usages, and thousands of tag policies share a few usage
    /// lists: each number is routed once per distinct list.
    /// </summary>
    public RouteResult RouteNormalized(string number, string voicePolicy)
    {
        if (!model.VoicePolicies.TryGetValue(voicePolicy, out var usages))
        {
            return Missing(number, "", voicePolicy, RouteResult.PolicyMissing, $"There is no voice policy {voicePolicy} in this snapshot.");
        }

        var key = (number, string.Join('\u0001', usages).ToUpperInvariant());
        if (!_probes.TryGetValue(key, out var result))
        {
            _probes[key] = result = Route(number, "", null, number, voicePolicy, usages, steps: null);
        }

        return result.VoicePolicy == voicePolicy ? result : result with { VoicePolicy = voicePolicy };
    }

    private static RouteResult Missing(string dialed, string dialPlan, string voicePolicy, string outcome, string step) =>
        new(dialed, dialPlan, null, null, voicePolicy, null, null, [], null, outcome, [step]);

    /// <summary>What a dial plan makes of a dialed string: the first matching rule's translation, an E.164 string as it is, else nothing.</summary>
    public (NumberRule? Rule, string? Normalized) Normalize(string dialPlan, string dialed) =>
        model.DialPlans.TryGetValue(dialPlan, out var rules) ? Normalize(rules, dialed) : (null, null);

    private (NumberRule? Rule, string? Normalized) Normalize(IReadOnlyList<NumberRule> rules, string dialed)
    {
        var (rule, normalized) = Apply(rules, dialed);
        return rule is not null ? (rule, normalized) : (null, dialed.StartsWith('+') ? dialed : null);
    }

    /// <param name="steps">Where the explanation goes; null when nobody reads it (the diff's probes route hundreds of thousands of numbers).</param>
    private RouteResult Route(string dialed, string dialPlan, string? rule, string normalized, string voicePolicy, IReadOnlyList<string> usages, List<string>? steps)
    {
        if (usages.Count == 0)
        {
            steps?.Add($"Voice policy {voicePolicy} has no PSTN usages: it allows no PSTN call.");
            return new RouteResult(dialed, dialPlan, rule, normalized, voicePolicy, null, null, [], null, RouteResult.NoUsage, (IReadOnlyList<string>?)steps ?? []);
        }

        foreach (var usage in usages)
        {
            foreach (var route in RoutesCarrying(usage))
            {
                if (!Matches(route.NumberPattern, normalized))
                {
                    continue;
                }

                steps?.Add($"Voice policy {voicePolicy}: usage {usage}, route {route.Name} (priority {route.Priority}, {route.NumberPattern}) matches.");
                var gateways = route.Gateways.Select(g => g.StartsWith("PstnGateway:", StringComparison.OrdinalIgnoreCase) ? g["PstnGateway:".Length..] : g).ToList();
                var translations = new List<GatewayTranslation>();
                foreach (var gateway in gateways)
                {
                    var (trunk, trunkRules) = TrunkFor(gateway);
                    var (outbound, result) = Apply(trunkRules, normalized);
                    translations.Add(new GatewayTranslation(gateway, trunk, outbound?.Name, outbound is null ? normalized : result!));
                    if (steps is not null)
                    {
                        var order = gateways.Count == 1 ? "" : translations.Count == 1 ? " (tried first)" : $" (failover {translations.Count})";
                        steps.Add(outbound is null
                            ? $"Trunk configuration {trunk}: no outbound rule matches; {normalized} goes to {gateway}{order} as it is."
                            : $"Trunk configuration {trunk}: rule {outbound.Name} sends {result} to {gateway}{order}.");
                    }
                }

                var translated = translations.Count > 0 ? translations[0].Sent : normalized;
                return new RouteResult(dialed, dialPlan, rule, normalized, voicePolicy, usage, route.Name, gateways, translated, RouteResult.Routed, (IReadOnlyList<string>?)steps ?? []) { Translations = translations };
            }
        }

        steps?.Add($"Voice policy {voicePolicy}: no route carrying {string.Join(", ", usages)} matches {normalized}.");
        return new RouteResult(dialed, dialPlan, rule, normalized, voicePolicy, null, null, [], null, RouteResult.NoRoute, (IReadOnlyList<string>?)steps ?? []);
    }

    /// <summary>The routes carrying a usage, in the model's order (by priority): indexed once, not searched per call.</summary>
    private List<RouteEntry> RoutesCarrying(string usage)
    {
        if (_routesByUsage is null)
        {
            _routesByUsage = new Dictionary<string, List<RouteEntry>>(StringComparer.OrdinalIgnoreCase);
            foreach (var route in model.Routes)
            {
                foreach (var carried in route.Usages.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!_routesByUsage.TryGetValue(carried, out var list))
                    {
                        _routesByUsage[carried] = list = [];
                    }

                    list.Add(route);
                }
            }
        }

        return _routesByUsage.GetValueOrDefault(usage) ?? [];
    }

    /// <summary>The trunk configuration that covers a gateway: its own, else its site's, else the global one.</summary>
    public (string Identity, IReadOnlyList<NumberRule> Rules) TrunkFor(string gateway)
    {
        if (_trunks.TryGetValue(gateway, out var known))
        {
            return known;
        }

        return _trunks[gateway] = FindTrunk(gateway);
    }

    private (string Identity, IReadOnlyList<NumberRule> Rules) FindTrunk(string gateway)
    {
        var candidates = new List<string> { $"Service:PstnGateway:{gateway}" };
        if (model.GatewaySites.TryGetValue(gateway, out var site))
        {
            candidates.Add($"Site:{site}");
        }

        candidates.Add("Global");
        foreach (var identity in candidates)
        {
            if (model.Trunks.TryGetValue(identity, out var rules))
            {
                return (identity, rules);
            }
        }

        return ("(none)", []);
    }

    private (NumberRule? Rule, string? Result) Apply(IEnumerable<NumberRule> rules, string number)
    {
        foreach (var rule in rules)
        {
            if (Match(rule.Pattern, number) is { Success: true } match)
            {
                return (rule, match.Result(rule.Translation));
            }
        }

        return (null, null);
    }

    private bool Matches(string pattern, string number)
    {
        try
        {
            return Compiled(pattern)?.IsMatch(number) == true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // An admin's pattern can be invalid or pathological: it then matches nothing (lcv check names it).
    private Match? Match(string pattern, string number)
    {
        try
        {
            return Compiled(pattern)?.Match(number);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private Regex? Compiled(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.None, MatchLimit);
            }
            catch (ArgumentException)
            {
                regex = null;
            }

            _patterns[pattern] = regex;
        }

        return regex;
    }
}
