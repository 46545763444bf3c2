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

    private readonly List<(ObjectChange Change, CallRouter Alone, CallRouter Without)> _replays = [];

    public ChangeReplay(VoiceModel before, VoiceModel after, IEnumerable<ObjectChange> changes)
    {
        var routing = changes.Where(c => VoiceModel.TakesPart(c.Noun)).ToList();
        if (routing.Count <= MaxReplayed)
        {
            _replays = routing.Select(c => (c, new CallRouter(before.With(c.Old, c.New)), new CallRouter(after.With(c.New, c.Old)))).ToList();
        }
    }

    /// <summary>The changes that explain <paramref name="now"/>, and whether they do so only together; none when nothing can be replayed.</summary>
    public (IReadOnlyList<ObjectChange> Owners, bool Together) Explain(string number, string oldPolicy, string newPolicy, RouteResult now, Func<RouteResult, string> way)
    {
        var target = way(now);
        var alone = _replays.Where(r => way(Route(r.Alone, number, oldPolicy, newPolicy)) == target).Select(r => r.Change).ToList();
        if (alone.Count > 0 || _replays.Count == 0)
        {
            return (alone, false);
        }

        return (_replays.Where(r => way(Route(r.Without, number, oldPolicy, newPolicy)) != target).Select(r => r.Change).ToList(), true);
    }

    // The policy is known by its new name where the replayed change renamed it, else by its old one.
    private static RouteResult Route(CallRouter router, string number, string oldPolicy, string newPolicy)
    {
        var result = router.RouteNormalized(number, newPolicy);
        return result.Outcome == RouteResult.PolicyMissing ? router.RouteNormalized(number, oldPolicy) : result;
    }
}
