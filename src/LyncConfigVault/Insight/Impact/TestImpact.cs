using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;

namespace LyncConfigVault.Insight.Impact;

/// <summary>
/// The deployment's voice test cases run on both sides: a case that starts failing (or passing again)
/// is pinned on the change that flips it, found by replay (<see cref="ChangeReplay"/>), or on each change
/// of a set that flips it only together; when nothing can be replayed, on every change it went through.
/// </summary>
internal static class TestImpact
{
    public static void Add(ChangeIndex changes, IReadOnlyList<VoiceTestResult> before, IReadOnlyList<VoiceTestResult> after, ChangeReplay replay)
    {
        var then = before.ToDictionary(r => r.Case.Identity, StringComparer.OrdinalIgnoreCase);
        foreach (var now in after)
        {
            var old = then.GetValueOrDefault(now.Case.Identity);
            if (old is null || old.Passed == now.Passed)
            {
                continue;
            }

            var text = now.Passed
                ? $"test case {now.Case.Identity} passes again"
                : $"test case {now.Case.Identity} now fails ({string.Join("; ", now.Failures)})";
            var effect = now.Passed ? ImpactEffect.Mends : ImpactEffect.Breaks;
            var (owners, together) = replay.ExplainTest(old, now, changes.Find(ObjectRole.VoiceTest, now.Case.Identity));
            if (owners.Count == 0)
            {
                changes.AddToEach(new ImpactNote(ImpactNote.Tests, text) { Effect = effect }, Touched(changes, old, now));
                continue;
            }

            foreach (var owner in owners)
            {
                var others = owners.Where(o => o != owner).Select(o => o.DisplayName).ToList();
                changes.Add(new ImpactNote(ImpactNote.Tests, together && others.Count > 0 ? $"{text} (only together with {string.Join(", ", others)})" : text) { Effect = effect }, owner);
            }
        }

        var passedBefore = before.Count(r => r.Passed);
        var passedAfter = after.Count(r => r.Passed);
        if (passedBefore != passedAfter || before.Count != after.Count)
        {
            var effect = passedAfter < passedBefore ? ImpactEffect.Breaks : passedAfter > passedBefore ? ImpactEffect.Mends : ImpactEffect.Neutral;
            changes.Add(new ImpactNote(ImpactNote.Tests, $"voice test cases: {passedAfter} of {after.Count} pass (before: {passedBefore} of {before.Count})") { Effect = effect });
        }
    }

    private static IEnumerable<ObjectChange?> Touched(ChangeIndex changes, VoiceTestResult old, VoiceTestResult now)
    {
        yield return changes.Find(ObjectRole.VoiceTest, now.Case.Identity);
        yield return changes.Find(ObjectRole.DialPlan, now.Case.DialPlan);
        yield return changes.Find(ObjectRole.VoicePolicy, now.Case.VoicePolicy);
        foreach (var route in new[] { old.Route?.Route, now.Route?.Route, now.Case.ExpectedRoute }.Distinct())
        {
            yield return changes.Find(ObjectRole.VoiceRoute, route);
        }

        if (old.Route?.Usage != now.Route?.Usage)
        {
            yield return changes.Find(ObjectRole.PstnUsages, "Global");
        }
    }
}
