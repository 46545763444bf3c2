using System.Text.RegularExpressions;
using LyncConfigVault.Model;

namespace LyncConfigVault.Insight;

/// <summary>
/// Lync's outbound routing, offline: the dial plan's normalization rules in order (first match wins,
/// .NET regular expressions, $1 translations); then the voice policy's PSTN usages in order, and for
/// each the routes carrying it by priority, the first whose pattern matches; then the outbound
/// translation rules of the trunk configuration covering the first gateway (gateway, then site, then global).
/// </summary>
internal sealed class CallRouter(VoiceModel model)
{
    private static readonly TimeSpan MatchLimit = TimeSpan.FromSeconds(1);

    // Each pattern compiled once per router: a deployment holds far more patterns than Regex's static cache (15).
    private readonly Dictionary<string, Regex?> _patterns = new(StringComparer.Ordinal);

    public RouteResult Route(string dialed, string dialPlan, string voicePolicy)
    {
        var rules = model.DialPlans.TryGetValue(dialPlan, out var plan) ? plan
            : throw new LcvException($"There is no dial plan {dialPlan} in this snapshot; give its Identity as Lync shows it (Global, Site:Dublin, Tag:…).");
        var usages = Usages(voicePolicy);
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

    /// <summary>A number already normalized, routed by a voice policy alone (no dial plan: the diff's probes).</summary>
    public RouteResult RouteNormalized(string number, string voicePolicy) => Route(number, "", null, number, voicePolicy, Usages(voicePolicy), []);

    /// <summary>What a dial plan makes of a dialed string: the first matching rule's translation, an E.164 string as it is, else nothing.</summary>
    public (NumberRule? Rule, string? Normalized) Normalize(string dialPlan, string dialed) =>
        model.DialPlans.TryGetValue(dialPlan, out var rules) ? Normalize(rules, dialed) : (null, null);

    private (NumberRule? Rule, string? Normalized) Normalize(IReadOnlyList<NumberRule> rules, string dialed)
    {
        var (rule, normalized) = Apply(rules, dialed);
        return rule is not null ? (rule, normalized) : (null, dialed.StartsWith('+') ? dialed : null);
    }

    private IReadOnlyList<string> Usages(string voicePolicy) => model.VoicePolicies.TryGetValue(voicePolicy, out var policy) ? policy
        : throw new LcvException($"There is no voice policy {voicePolicy} in this snapshot; give its Identity as Lync shows it (Global, Site:Dublin, Tag:…).");

    private RouteResult Route(string dialed, string dialPlan, string? rule, string normalized, string voicePolicy, IReadOnlyList<string> usages, List<string> steps)
    {
        if (usages.Count == 0)
        {
            steps.Add($"Voice policy {voicePolicy} has no PSTN usages: it allows no PSTN call.");
            return new RouteResult(dialed, dialPlan, rule, normalized, voicePolicy, null, null, [], null, RouteResult.NoUsage, steps);
        }

        foreach (var usage in usages)
        {
            foreach (var route in model.Routes.Where(r => r.Usages.Contains(usage, StringComparer.OrdinalIgnoreCase)))
            {
                if (!Matches(route.NumberPattern, normalized))
                {
                    continue;
                }

                steps.Add($"Voice policy {voicePolicy}: usage {usage}, route {route.Name} (priority {route.Priority}, {route.NumberPattern}) matches.");
                var gateways = route.Gateways.Select(g => g.StartsWith("PstnGateway:", StringComparison.OrdinalIgnoreCase) ? g["PstnGateway:".Length..] : g).ToList();
                var translated = normalized;
                if (gateways.Count > 0)
                {
                    var (trunk, trunkRules) = TrunkFor(gateways[0]);
                    var (outbound, result) = Apply(trunkRules, normalized);
                    translated = outbound is null ? normalized : result;
                    steps.Add(outbound is null
                        ? $"Trunk configuration {trunk}: no outbound rule matches; {normalized} goes to {gateways[0]} as it is."
                        : $"Trunk configuration {trunk}: rule {outbound.Name} sends {translated} to {gateways[0]}.");
                }

                return new RouteResult(dialed, dialPlan, rule, normalized, voicePolicy, usage, route.Name, gateways, translated, RouteResult.Routed, steps);
            }
        }

        steps.Add($"Voice policy {voicePolicy}: no route carrying {string.Join(", ", usages)} matches {normalized}.");
        return new RouteResult(dialed, dialPlan, rule, normalized, voicePolicy, null, null, [], null, RouteResult.NoRoute, steps);
    }

    /// <summary>The trunk configuration that covers a gateway: its own, else its site's, else the global one.</summary>
    public (string Identity, IReadOnlyList<NumberRule> Rules) TrunkFor(string gateway)
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

    private bool Matches(string pattern, string number) => Match(pattern, number)?.Success == true;

    // An admin's pattern can be invalid or pathological: it then matches nothing (lcv check names it).
    private Match? Match(string pattern, string number)
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

        try
        {
            return regex?.Match(number);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
