using System.Text.RegularExpressions;

namespace LyncConfigVault.Diff;

/// <summary>
/// Which changes an admin asked for: --area voice, --noun VoicePolicy, --identity "Tag:*Intl*".
/// Each list is "any of"; an empty list matches everything. Names compare case-insensitively, as in Lync.
/// A renamed object matches on its old or its new Identity.
/// </summary>
internal sealed class DiffFilter(IReadOnlyList<string> areas, IReadOnlyList<string> nouns, IReadOnlyList<string> identities)
{
    private readonly List<Regex> _identities = identities.Select(Glob).ToList();

    public static DiffFilter All { get; } = new([], [], []);

    public bool Matches(ObjectChange change) =>
        (areas.Count == 0 || areas.Contains(change.Area, StringComparer.OrdinalIgnoreCase))
        && (nouns.Count == 0 || nouns.Contains(change.Noun, StringComparer.OrdinalIgnoreCase))
        && (_identities.Count == 0 || _identities.Any(r => r.IsMatch(change.Identity) || (change.OldIdentity is { } old && r.IsMatch(old))));

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
