using System.Text.RegularExpressions;

namespace LyncConfigVault.Insight.Impact;

/// <summary>"3 voice policies and 2 voice routes": counted nouns in an admin's words.</summary>
internal static partial class NounWords
{
    /// <summary>"PSTN usage" for PstnUsage, "voice policy" for VoicePolicy.</summary>
    public static string Of(string noun) =>
        CamelHump().Replace(noun, " $1").ToLowerInvariant().Replace("pstn", "PSTN").Replace("rgs ", "Response Group ").Replace("lis ", "LIS ");

    public static string Count(int count, string noun)
    {
        var words = Of(noun);
        if (count == 1)
        {
            return $"1 {words}";
        }

        return $"{count:N0} " + (words.EndsWith('y') && !words.EndsWith("ey", StringComparison.Ordinal) ? words[..^1] + "ies" : words.EndsWith('s') ? words : words + "s");
    }

    /// <summary>"3 voice policies and 2 voice routes" from the nouns of the objects, most first.</summary>
    public static string Counts(IEnumerable<string> nouns)
    {
        var parts = nouns.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Count(g.Count(), g.Key)).ToList();
        return parts.Count <= 1 ? parts.FirstOrDefault() ?? "nothing" : string.Join(", ", parts[..^1]) + " and " + parts[^1];
    }

    /// <summary>"A, B, C and 4 more": a list that stays one line.</summary>
    public static string Some(IEnumerable<string> items, int shown = 4)
    {
        var list = items.ToList();
        var head = string.Join(", ", list.Take(shown));
        return list.Count > shown ? $"{head} and {list.Count - shown} more" : head;
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHump();
}
