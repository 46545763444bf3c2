using System.Globalization;

namespace LyncConfigVault.Model;

/// <summary>A date as an admin types it: 2026-11-24, 2026-11-24T02:00, with or without an offset (local time then).</summary>
internal static class AdminDate
{
    public static DateTimeOffset Parse(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value))
        {
            return value;
        }

        throw new LcvException($"'{text}' is not a date; write it as 2026-11-24 or 2026-11-24T02:00.");
    }
}
