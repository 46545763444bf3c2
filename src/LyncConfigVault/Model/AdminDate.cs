using System.Globalization;
using System.Text.RegularExpressions;

namespace LyncConfigVault.Model;

/// <summary>
/// A date as an admin types it: 2026-11-24, 2026-11-24T02:00, or with an offset (2026-11-24T02:00+01:00,
/// …Z). Without an offset it is wall-clock time in the vault's time zone (its timeZone setting, else
/// this machine's), as the admin reads the Front Ends' clocks.
/// </summary>
internal static partial class AdminDate
{
    public static DateTimeOffset Parse(string text, TimeZoneInfo zone)
    {
        if (HasOffset().IsMatch(text.Trim()))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            {
                return exact;
            }
        }
        else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return WallClock.In(clock, zone);
        }

        throw new LcvException($"'{text}' is not a date; write it as 2026-11-24 or 2026-11-24T02:00.");
    }

    // An offset only counts after a time of day: the "-24" of 2026-11-24 is the day.
    [GeneratedRegex(@"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
