namespace LyncConfigVault.Model;

/// <summary>A time read off a clock with no zone (a ZIP entry, a typed date), placed in the zone that clock was in.</summary>
internal static class WallClock
{
    /// <remarks>
    /// A time skipped by a daylight-saving jump, or one the clock showed twice, gets the zone's standard
    /// offset (TimeZoneInfo's rule): an hour off at worst, twice a year, and never an exception.
    /// </remarks>
    public static DateTimeOffset In(DateTime clock, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
