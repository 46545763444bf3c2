using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;

namespace LyncConfigVault.Insight.Impact;

/// <summary>
/// What the changes of a diff do (lcv diff --impact): the references they break or mend, the voice
/// test cases they fail or fix, the numbers that route elsewhere and the users the changed policies
/// apply to, each pinned on the change that explains it.
/// </summary>
internal sealed class ImpactAnalyzer(LyncCatalog catalog)
{
    public DiffImpact Analyze(ObjectSource from, ObjectSource to, DiffReport report, IReadOnlyCollection<string> parts)
    {
        var changes = new ChangeIndex(catalog, report.Changes);
        var checker = new ReferenceChecker(catalog);
        ReferenceImpact.Add(changes, checker.Check(from, parts), checker.Check(to, parts));
        if (parts.Contains(ExportKinds.Of(ExportKind.Cms).Part))
        {
            var (before, after) = (VoiceModel.From(from), VoiceModel.From(to));
            var (casesBefore, casesAfter) = (VoiceTestRunner.Cases(from), VoiceTestRunner.Cases(to));
            var replay = new ChangeReplay(before, after, report.Changes);
            TestImpact.Add(changes, VoiceTestRunner.Run(before, casesBefore), VoiceTestRunner.Run(after, casesAfter), replay);
            new RoutingImpact(before, after, changes, replay).Add(casesBefore, casesAfter);
        }

        UserImpact.Add(catalog, changes, UserAssignments.From(to) is { IsEmpty: false } now ? now : UserAssignments.From(from), to);
        return changes.Result();
    }
}
