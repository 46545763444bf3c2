using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Decides how one value is written so that every YAML reader (1.1 and 1.2) reads back the same text:
/// plain only when it cannot be read as another type, quoted otherwise ("010", "+14255550100", "12:30").
/// </summary>
internal static partial class ScalarStyleChooser
{
    // Words YAML 1.1 readers turn into booleans or null, in any case.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    public static ScalarStyle Choose(string text)
    {
        if (text.Length == 0)
        {
            return ScalarStyle.SingleQuoted;
        }

        // Lync writes booleans lowercase and integers canonically; those stay plain and typed.
        if (text is "true" or "false" || CanonicalInteger().IsMatch(text))
        {
            return ScalarStyle.Plain;
        }

        if (PlainSafe().IsMatch(text) && !ReservedWords.Contains(text) && !text.Contains(": ") && !text.EndsWith(':'))
        {
            return ScalarStyle.Plain;
        }

        if (text.Contains('\n') && IsBlockSafe(text))
        {
            return ScalarStyle.Literal;
        }

        return text.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF' || c == '\u2028' || c == '\u2029' || c == '\u0085')
            ? ScalarStyle.DoubleQuoted
            : ScalarStyle.SingleQuoted;
    }

    private static bool IsBlockSafe(string text)
    {
        if (text.StartsWith(' ') || text.StartsWith('\n'))
        {
            return false;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.EndsWith(' ') || line.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
            {
                return false;
            }
        }

        return true;
    }

    // \z, never $: $ also matches before a final newline, and "desc\n" written plain would lose it.
    [GeneratedRegex(@"^(0|-?[1-9][0-9]{0,17})\z")]
    private static partial Regex CanonicalInteger();

    // Starts with a letter or '_' so it can never be a number, a date, an alias or an indicator.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_ .,/@()+\-:=\\\]\[]*[A-Za-z0-9_.)/\]]\z|^[A-Za-z_]\z")]
    private static partial Regex PlainSafe();
}
