using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LyncConfigVault.Formats.CliXml;

/// <summary>The _xHHHH_ escaping CliXml uses for characters XML cannot carry, and for a literal "_x" that would look like one.</summary>
internal static partial class CliXmlEscaping
{
    public static string Decode(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var looksEscaped = c == '_' && Escape().Match(text, i) is { Success: true } m && m.Index == i;
            if (looksEscaped || char.IsControl(c) || char.IsSurrogate(c) && !IsValidPair(text, i))
            {
                builder.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsValidPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsHighSurrogate(text[i - 1]);

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escape();
}
