using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;

namespace LyncConfigVault.Insight.Impact;

/// <summary>
/// The broken references a diff creates and the ones it mends: lcv check on both sides, the
/// difference pinned on the change that caused it. An object removed or renamed is charged with
/// everything still naming it ("PSTN usage X removed: 3 voice policies and 2 voice routes still name it").
/// </summary>
internal static class ReferenceImpact
{
    public static void Add(ChangeIndex changes, IReadOnlyCollection<Finding> before, IReadOnlyCollection<Finding> after)
    {
        // Users still granted a policy that is gone are counted by UserImpact, on the same change.
        var created = after.Except(before).Where(f => !f.IsGrant).ToList();
        var mended = before.Except(after).Where(f => !f.IsGrant).ToList();

        // Everything naming one vanished target, as one note on the change that took it away.
        foreach (var group in created.Where(f => f.Kind == FindingKind.MissingReference).GroupBy(f => f.Target, StringComparer.OrdinalIgnoreCase))
        {
            var (noun, name) = SplitTarget(group.Key);
            var gone = changes.Find(noun, name) ?? changes.DefinerOf(noun);
            var referrers = group.ToList();
            if (gone is not null)
            {
                changes.Add(new ImpactNote(ImpactNote.References,
                    $"{Describe(changes, noun, name)} no longer exists: {NounWords.Counts(referrers.Select(f => f.Noun))} still name it ({NounWords.Some(InCountOrder(referrers))})") { Effect = ImpactEffect.Breaks }, gone);
                continue;
            }

            foreach (var finding in referrers)
            {
                changes.Add(new ImpactNote(ImpactNote.References, finding.Describe()) { Effect = ImpactEffect.Breaks }, changes.Find(finding.Noun, finding.Identity));
            }
        }

        foreach (var finding in created.Where(f => f.Kind != FindingKind.MissingReference))
        {
            var owner = finding.Kind == FindingKind.UnusedUsage
                ? changes.Changes.FirstOrDefault(c => changes.Plays(c, ObjectRole.VoiceRoute) && Names(c.Old, "PstnUsages", finding.Target)) ?? changes.Find(ObjectRole.PstnUsages, "Global")
                : changes.Find(finding.Noun, finding.Identity);
            changes.Add(new ImpactNote(ImpactNote.References, finding.Describe()) { Effect = ImpactEffect.Breaks }, owner);
        }

        foreach (var finding in mended)
        {
            var (noun, name) = finding.Kind == FindingKind.MissingReference ? SplitTarget(finding.Target) : ("", null);
            changes.Add(new ImpactNote(ImpactNote.References, $"mends: {finding.Describe()}") { Effect = ImpactEffect.Mends },
                changes.Find(finding.Noun, finding.Identity), changes.Find(noun, name), changes.DefinerOf(noun));
        }
    }

    /// <summary>The referrers' Identities in the order their nouns are counted: most first, then by name.</summary>
    private static IEnumerable<string> InCountOrder(IEnumerable<Finding> referrers) =>
        referrers.GroupBy(f => f.Noun).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select(f => f.Identity).Distinct().Order(StringComparer.Ordinal));

    private static (string Noun, string? Name) SplitTarget(string target)
    {
        var space = target.IndexOf(' ');
        return space < 0 ? (target, null) : (target[..space], target[(space + 1)..]);
    }

    // A name a list defines (a PSTN usage) has no noun an admin types; a service is the topology's, not a setting.
    private static string Describe(ChangeIndex changes, string noun, string? name) =>
        changes.IsDefinedName(noun) ? $"{NounWords.Of(noun)} {name}"
        : changes.RoleOf(noun) == ObjectRole.Service ? $"the topology's {name}"
        : $"{noun} {name}";

    private static bool Names(Model.YMap? content, string list, string value) =>
        content is not null && Normalize.ObjectFactory.Setting(content).Value is Model.YMap setting && setting[list] is Model.YSeq seq
        && seq.Items.OfType<Model.YScalar>().Any(s => s.Text.Equals(value, StringComparison.OrdinalIgnoreCase));
}
