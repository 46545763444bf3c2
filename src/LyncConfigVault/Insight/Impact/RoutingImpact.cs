using LyncConfigVault.Diff;

namespace LyncConfigVault.Insight.Impact;

/// <summary>
/// Where calls go, before and after: every changed dial plan's own rules are dialed on both sides,
/// then numbers each route and test case is written for are routed through every voice policy on
/// both sides. Numbers whose route, gateway or sent digits differ are told in groups, pinned on the
/// voice policy, route, trunk or usage change that explains them.
/// </summary>
internal sealed class RoutingImpact(VoiceModel before, VoiceModel after, ChangeIndex changes)
{
    /// <summary>Past this many routings per side the policies are sampled: a diff must stay quick on a 20,000-object deployment.</summary>
    private const int MaxProbes = 200_000;
    private const int MaxNotesPerChange = 5;

    private static readonly string[] RoutingNouns = ["VoiceRoute", "PstnUsages", "TrunkConfiguration"];

    private readonly CallRouter _then = new(before);
    private readonly CallRouter _now = new(after);
    private readonly Dictionary<string, IReadOnlyList<string>> _samples = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<VoiceTestCase> casesBefore, IReadOnlyList<VoiceTestCase> casesAfter)
    {
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.Changes.Where(c => c.Noun == "DialPlan" && c.Kind is ObjectChangeKind.Modified or ObjectChangeKind.Renamed))
        {
            numbers.UnionWith(DialPlan(change, casesBefore.Concat(casesAfter)));
        }

        foreach (var route in before.Routes.Concat(after.Routes))
        {
            numbers.UnionWith(Samples(route.NumberPattern));
        }

        foreach (var test in casesBefore.Concat(casesAfter))
        {
            foreach (var router in new[] { _then, _now })
            {
                if (router.Normalize(test.DialPlan, test.DialedNumber).Normalized is { } normalized)
                {
                    numbers.Add(normalized);
                }
            }
        }

        Policies(numbers);
    }

    /// <summary>The plan's own rules, old and new, dialed on both sides: notes what normalizes differently, returns every normalized number.</summary>
    private List<string> DialPlan(ObjectChange change, IEnumerable<VoiceTestCase> cases)
    {
        var normalizedNumbers = new List<string>();
        var oldIdentity = change.OldIdentity ?? change.Identity;
        var dialed = before.DialPlans.GetValueOrDefault(oldIdentity, []).Concat(after.DialPlans.GetValueOrDefault(change.Identity, []))
            .SelectMany(r => Samples(r.Pattern))
            .Concat(cases.Where(c => c.DialPlan.Equals(oldIdentity, StringComparison.OrdinalIgnoreCase) || c.DialPlan.Equals(change.Identity, StringComparison.OrdinalIgnoreCase)).Select(c => c.DialedNumber))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var shown = 0;
        var differing = 0;
        foreach (var number in dialed)
        {
            var then = _then.Normalize(oldIdentity, number);
            var now = _now.Normalize(change.Identity, number);
            normalizedNumbers.AddRange(new[] { then.Normalized, now.Normalized }.OfType<string>());

            if (then.Normalized == now.Normalized)
            {
                continue;
            }

            differing++;
            if (shown++ < MaxNotesPerChange)
            {
                changes.Add(new ImpactNote(ImpactNote.Routing, $"{number} dialed: {Normalized(then)} → {Normalized(now)}"), change);
            }
        }

        if (differing > MaxNotesPerChange)
        {
            changes.Add(new ImpactNote(ImpactNote.Routing, $"and {differing - MaxNotesPerChange} more dialed numbers normalize differently"), change);
        }

        return normalizedNumbers;
    }

    /// <summary>Every number through every voice policy on both sides (only the changed policies when no route, usage or trunk changed).</summary>
    private void Policies(SortedSet<string> numbers)
    {
        var routingChanged = changes.Changes.Any(c => RoutingNouns.Contains(c.Noun));
        var pairs = after.VoicePolicies.Keys.Order(StringComparer.OrdinalIgnoreCase)
            .Select(identity => (Old: changes.Find("VoicePolicy", identity)?.OldIdentity ?? identity, New: identity))
            .Where(p => before.VoicePolicies.ContainsKey(p.Old))
            .Where(p => routingChanged || changes.Find("VoicePolicy", p.New) is { Kind: ObjectChangeKind.Modified or ObjectChangeKind.Renamed })
            .ToList();
        if (numbers.Count == 0 || pairs.Count == 0)
        {
            return;
        }

        var affordable = Math.Max(1, MaxProbes / numbers.Count);
        if (pairs.Count > affordable)
        {
            changes.Add(new ImpactNote(ImpactNote.Routing, $"routing compared for {affordable:N0} of {pairs.Count:N0} voice policies ({numbers.Count:N0} numbers each)"));
            pairs = pairs.Take(affordable).ToList();
        }

        var moved = new List<(string Policy, string Number, RouteResult Then, RouteResult Now)>();
        foreach (var (oldPolicy, newPolicy) in pairs)
        {
            foreach (var number in numbers)
            {
                var then = _then.RouteNormalized(number, oldPolicy);
                var now = _now.RouteNormalized(number, newPolicy);
                if (Way(then) != Way(now) || then.Translated != now.Translated)
                {
                    moved.Add((newPolicy, number, then, now));
                }
            }
        }

        var notes = moved.GroupBy(m => (Then: Way(m.Then), Now: Way(m.Now), Owner: Owner(m.Policy, m.Then, m.Now)))
            .Select(g =>
            {
                var first = g.First();
                var how = g.Key.Then == g.Key.Now ? $"{g.Key.Then} sends {first.Then.Translated} → {first.Now.Translated}" : $"{g.Key.Then} → {g.Key.Now}";
                var text = $"{NounWords.Some(g.Select(m => m.Number).Distinct(), 3)} from {NounWords.Some(g.Select(m => m.Policy).Distinct(), 3)}: {how}";
                return (g.Key.Owner, Note: new ImpactNote(ImpactNote.Routing, text));
            })
            .ToList();
        foreach (var owner in notes.GroupBy(n => n.Owner))
        {
            var list = owner.ToList();
            foreach (var (_, note) in list.Take(MaxNotesPerChange))
            {
                changes.Add(note, owner.Key);
            }

            if (list.Count > MaxNotesPerChange)
            {
                changes.Add(new ImpactNote(ImpactNote.Routing, $"and {list.Count - MaxNotesPerChange} more groups of numbers route differently"), owner.Key);
            }
        }
    }

    /// <summary>The change that explains a number's new way: its voice policy, the route then or now, the trunk, the usages.</summary>
    private ObjectChange? Owner(string policy, RouteResult then, RouteResult now) =>
        changes.Find("VoicePolicy", policy)
        ?? changes.Find("VoiceRoute", now.Route) ?? changes.Find("VoiceRoute", then.Route)
        ?? Trunk(now, _now) ?? Trunk(then, _then)
        ?? changes.Find("PstnUsages", "Global")
        ?? changes.Changes.FirstOrDefault(c => c.Noun == "VoiceRoute");

    private ObjectChange? Trunk(RouteResult result, CallRouter router) =>
        result.Gateways.Count == 0 ? null : changes.Find("TrunkConfiguration", router.TrunkFor(result.Gateways[0]).Identity);

    private IReadOnlyList<string> Samples(string pattern)
    {
        if (!_samples.TryGetValue(pattern, out var samples))
        {
            _samples[pattern] = samples = PatternSample.All(pattern);
        }

        return samples;
    }

    private static string Normalized((NumberRule? Rule, string? Normalized) result) => result switch
    {
        { Normalized: null } => "not normalized",
        { Rule: null } => $"{result.Normalized} (as dialed)",
        _ => $"{result.Normalized} (rule {result.Rule.Name})",
    };

    /// <summary>A number's way in words: numbers that all moved from one route to another read as one line.</summary>
    private static string Way(RouteResult result) => result.Outcome switch
    {
        RouteResult.Routed => $"route {result.Route} via {string.Join(", ", result.Gateways)}",
        RouteResult.NoUsage => "no PSTN usage",
        _ => "no route",
    };
}
