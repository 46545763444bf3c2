using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;

namespace LyncConfigVault.Insight.Impact;

/// <summary>
/// Where calls go, before and after: every changed dial plan's own rules are dialed on both sides,
/// then numbers each route and test case is written for are routed through every voice policy on
/// both sides. Numbers whose route, gateway or sent digits differ are told in groups, pinned on the
/// change that causes them, found by replaying each change alone (<see cref="ChangeReplay"/>); effects
/// that only several changes cause together say so on each.
/// </summary>
internal sealed class RoutingImpact(VoiceModel before, VoiceModel after, ChangeIndex changes, ChangeReplay replay)
{
    /// <summary>Past this many routings per side the policies are sampled: a diff must stay quick on a 20,000-object deployment.</summary>
    private const int MaxProbes = 200_000;
    private const int MaxNotesPerChange = 5;
    private const int MaxReplayedMoves = 2_000;

    private readonly CallRouter _then = new(before);
    private readonly CallRouter _now = new(after);
    private readonly Dictionary<string, IReadOnlyList<string>> _samples = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<VoiceTestCase> casesBefore, IReadOnlyList<VoiceTestCase> casesAfter)
    {
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.Changes.Where(c => changes.Plays(c, ObjectRole.DialPlan) && c.Kind is ObjectChangeKind.Modified or ObjectChangeKind.Renamed))
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
        var policies = PairedPolicies(change, cases);
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
                changes.Add(new ImpactNote(ImpactNote.Routing, $"{number} dialed: {Normalized(then)} → {Normalized(now)}{RouteMoves(then.Normalized, now.Normalized, policies)}"), change);
            }
        }

        if (differing > MaxNotesPerChange)
        {
            changes.Add(new ImpactNote(ImpactNote.Routing, $"and {differing - MaxNotesPerChange} more dialed numbers normalize differently"), change);
        }

        return normalizedNumbers;
    }

    /// <summary>
    /// The voice policies whose users dial with this plan, as far as the snapshot tells: those its voice test
    /// cases pair with it, and the policy of the same scope (Site:Dublin with Site:Dublin).
    /// </summary>
    private List<string> PairedPolicies(ObjectChange change, IEnumerable<VoiceTestCase> cases) =>
        cases.Where(c => c.DialPlan.Equals(change.Identity, StringComparison.OrdinalIgnoreCase)).Select(c => c.VoicePolicy)
            .Append(change.Identity)
            .Where(after.VoicePolicies.ContainsKey)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).Take(2).ToList();

    /// <summary>"; with Tag:VP-Dublin-Intl: route Dublin-Local → route Dublin-National" for each paired policy whose route differs.</summary>
    private string RouteMoves(string? then, string? now, List<string> policies)
    {
        if (then is null || now is null)
        {
            return "";
        }

        var moves = policies
            .Select(policy => (Policy: policy, Then: _then.RouteNormalized(then, changes.Find(ObjectRole.VoicePolicy, policy)?.OldIdentity ?? policy), Now: _now.RouteNormalized(now, policy)))
            .Where(m => Way(m.Then) != Way(m.Now))
            .Select(m => $"; with {m.Policy}: {Way(m.Then)} → {Way(m.Now)}");
        return string.Concat(moves);
    }

    /// <summary>Every number through every voice policy on both sides (only the changed policies when no route, usage or trunk changed).</summary>
    private void Policies(SortedSet<string> numbers)
    {
        var routingChanged = changes.Changes.Any(c => changes.Plays(c, ObjectRole.VoiceRoute) || changes.Plays(c, ObjectRole.PstnUsages) || changes.Plays(c, ObjectRole.Trunk));
        var pairs = after.VoicePolicies.Keys.Order(StringComparer.OrdinalIgnoreCase)
            .Select(identity => (Old: changes.Find(ObjectRole.VoicePolicy, identity)?.OldIdentity ?? identity, New: identity))
            .Where(p => before.VoicePolicies.ContainsKey(p.Old))
            .Where(p => routingChanged || changes.Find(ObjectRole.VoicePolicy, p.New) is { Kind: ObjectChangeKind.Modified or ObjectChangeKind.Renamed })
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

        var moved = new List<(string OldPolicy, string NewPolicy, string Number, RouteResult Then, RouteResult Now)>();
        foreach (var (oldPolicy, newPolicy) in pairs)
        {
            foreach (var number in numbers)
            {
                var then = _then.RouteNormalized(number, oldPolicy);
                var now = _now.RouteNormalized(number, newPolicy);
                if (!then.LeavesLike(now))
                {
                    moved.Add((oldPolicy, newPolicy, number, then, now));
                }
            }
        }

        // Each move is replayed; past MaxReplayedMoves, one move per policy and way stands for the others like it.
        var causes = new Dictionary<string, (IReadOnlyList<ObjectChange> Owners, bool Together)>(StringComparer.Ordinal);
        (IReadOnlyList<ObjectChange> Owners, bool Together) CauseOf((string OldPolicy, string NewPolicy, string Number, RouteResult Then, RouteResult Now) m)
        {
            var key = moved.Count <= MaxReplayedMoves ? $"{m.NewPolicy}|{m.Number}" : $"{m.NewPolicy}|{Grouping(m.Then, m.Now)}";
            return causes.TryGetValue(key, out var cause) ? cause : causes[key] = Cause(replay, m.OldPolicy, m.NewPolicy, m.Number, m.Then, m.Now);
        }

        var notes = moved
            .Select(m => (Move: m, Cause: CauseOf(m)))
            .GroupBy(m => (Move: Grouping(m.Move.Then, m.Move.Now), Owners: string.Join('\u0001', m.Cause.Owners.Select(DiffImpact.Key)), m.Cause.Together))
            .Select(g =>
            {
                var first = g.First();
                var how = Way(first.Move.Then) == Way(first.Move.Now) ? $"{Way(first.Move.Then)} sends {Sent(first.Move.Then)} → {Sent(first.Move.Now)}" : $"{Way(first.Move.Then)} → {Way(first.Move.Now)}";
                var text = $"{NounWords.Some(g.Select(m => m.Move.Number).Distinct(), 3)} from {NounWords.Some(g.Select(m => m.Move.NewPolicy).Distinct(), 3)}: {how}";
                return (first.Cause.Owners, first.Cause.Together, Text: text);
            })
            .ToList();
        var perOwner = new Dictionary<ObjectChange, int>();
        foreach (var (owners, together, text) in notes)
        {
            foreach (var owner in owners)
            {
                perOwner[owner] = perOwner.GetValueOrDefault(owner) + 1;
                if (perOwner[owner] <= MaxNotesPerChange)
                {
                    var others = owners.Where(o => o != owner).Select(o => o.DisplayName).ToList();
                    changes.Add(new ImpactNote(ImpactNote.Routing, together && others.Count > 0 ? $"{text} (only together with {string.Join(", ", others)})" : text), owner);
                }
            }

            if (owners.Count == 0)
            {
                changes.Add(new ImpactNote(ImpactNote.Routing, text));
            }
        }

        foreach (var (owner, count) in perOwner.Where(p => p.Value > MaxNotesPerChange))
        {
            changes.Add(new ImpactNote(ImpactNote.Routing, $"and {count - MaxNotesPerChange} more groups of numbers route differently"), owner);
        }
    }

    /// <summary>The changes that cause a number's new way: by replay, else (too many changes to replay) the likeliest one.</summary>
    private (IReadOnlyList<ObjectChange> Owners, bool Together) Cause(ChangeReplay replay, string oldPolicy, string newPolicy, string number, RouteResult then, RouteResult now)
    {
        var (owners, together) = replay.Explain(number, oldPolicy, newPolicy, now);
        return owners.Count > 0 ? (owners, together) : (Owner(newPolicy, then, now) is { } owner ? [owner] : [], false);
    }

    /// <summary>The change that explains a number's new way: its voice policy, the route then or now, the trunk, the usages.</summary>
    private ObjectChange? Owner(string policy, RouteResult then, RouteResult now) =>
        changes.Find(ObjectRole.VoicePolicy, policy)
        ?? changes.Find(ObjectRole.VoiceRoute, now.Route) ?? changes.Find(ObjectRole.VoiceRoute, then.Route)
        ?? Trunk(now, _now) ?? Trunk(then, _then)
        ?? changes.Find(ObjectRole.PstnUsages, "Global")
        ?? changes.Changes.FirstOrDefault(c => changes.Plays(c, ObjectRole.VoiceRoute));

    private ObjectChange? Trunk(RouteResult result, CallRouter router) =>
        result.Gateways.Count == 0 ? null : changes.Find(ObjectRole.Trunk, router.TrunkFor(result.Gateways[0]).Identity);

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
        RouteResult.PolicyMissing => "no voice policy",
        _ => "no route",
    };

    /// <summary>The digits the gateways receive: one string when all receive the same, else each gateway's.</summary>
    private static string Sent(RouteResult result) =>
        result.Translations.Select(t => t.Sent).Distinct().Count() > 1
            ? string.Join(", ", result.Translations.Select(t => $"{t.Sent} to {t.Gateway}"))
            : result.Translated ?? "nothing";

    // Numbers read as one line by their way before and after, whatever their digits: the first one's digits are the example.
    private static string Grouping(RouteResult then, RouteResult now) => $"{Way(then)} → {Way(now)}";
}
