using LyncConfigVault.Diff;

namespace LyncConfigVault.Insight.Impact;

/// <summary>
/// Which changes of a diff make a number route differently, found by replaying them: a change causes
/// the new way on its own when the snapshot before, with that change alone applied, routes the number
/// the new way. When no change does it alone, the changes cause it together: each one without which the
/// snapshot after no longer routes it the new way.
/// </summary>
internal sealed class ChangeReplay
{
    /// <summary>Past this many routing changes the replay costs more than it tells: the caller falls back to naming the likeliest change.</summary>
    private const int MaxReplayed = 24;

    private readonly List<Replay> _replays = [];
    private readonly VoiceModel? _before;
    private readonly VoiceModel? _after;

    public ChangeReplay(VoiceModel before, VoiceModel after, IEnumerable<ObjectChange> changes)
    {
        var routing = changes.Where(c => VoiceModel.TakesPart(c.Noun)).ToList();
        if (routing.Count <= MaxReplayed)
        {
            _replays = routing.Select(c => new Replay(c, before.With(c.Old, c.New), after.With(c.New, c.Old))).ToList();
            (_before, _after) = (before, after);
        }
    }

    /// <summary>The changes that explain <paramref name="now"/>, and whether they do so only together; none when nothing can be replayed.</summary>
    public (IReadOnlyList<ObjectChange> Owners, bool Together) Explain(string number, string oldPolicy, string newPolicy, RouteResult now)
    {
        if (_replays.Count == 1)
        {
            return ([_replays[0].Change], false);   // the one routing change: nothing to tell apart
        }

        var alone = _replays.Where(r => Route(r.Alone, number, oldPolicy, newPolicy).LeavesLike(now)).Select(r => r.Change).ToList();
        if (alone.Count > 0 || _replays.Count == 0)
        {
            return (alone, false);
        }

        return (_replays.Where(r => !Route(r.Without, number, oldPolicy, newPolicy).LeavesLike(now)).Select(r => r.Change).ToList(), true);
    }

    /// <summary>
    /// The changes that flip a voice test case from <paramref name="old"/> to <paramref name="now"/>; a change of the test
    /// case itself replays as running its new definition on the old configuration.
    /// </summary>
    public (IReadOnlyList<ObjectChange> Owners, bool Together) ExplainTest(VoiceTestResult old, VoiceTestResult now, ObjectChange? caseChange)
    {
        var candidates = _replays.Select(r => (r.Change, Alone: Passes(r.AloneModel, old.Case), Without: Passes(r.WithoutModel, now.Case))).ToList();
        if (caseChange is not null && _before is not null)
        {
            candidates.Add((caseChange, Passes(_before, now.Case), Passes(_after!, old.Case)));
        }

        var alone = candidates.Where(c => c.Alone == now.Passed).Select(c => c.Change).ToList();
        return alone.Count > 0 || candidates.Count == 0
            ? (alone, false)
            : (candidates.Where(c => c.Without != now.Passed).Select(c => c.Change).ToList(), true);
    }

    private static bool Passes(VoiceModel model, VoiceTestCase test) => VoiceTestRunner.Run(model, [test])[0].Passed;

    // The policy is known by its new name where the replayed change renamed it, else by its old one.
    private static RouteResult Route(CallRouter router, string number, string oldPolicy, string newPolicy)
    {
        var result = router.RouteNormalized(number, newPolicy);
        return result.Outcome == RouteResult.PolicyMissing ? router.RouteNormalized(number, oldPolicy) : result;
    }

    private sealed record Replay(ObjectChange Change, VoiceModel AloneModel, VoiceModel WithoutModel)
    {
        public CallRouter Alone { get; } = new(AloneModel);

        public CallRouter Without { get; } = new(WithoutModel);
    }
}
