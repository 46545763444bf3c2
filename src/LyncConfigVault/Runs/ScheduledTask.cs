namespace LyncConfigVault.Runs;

/// <summary>The nightly job as the templates render it (Windows Task Scheduler XML, a systemd service and timer).</summary>
/// <param name="Today">The day the task is written (the machine's local date): it first runs the day after.</param>
internal sealed record ScheduledTask(string Name, string Description, string Account, string At, string Command, string Arguments, string WorkingDirectory, TimeSpan TimeLimit, DateOnly Today)
{
    /// <summary>The first run: the next day at the given time, as Task Scheduler's StartBoundary wants it.</summary>
    public string StartBoundary => $"{Today.AddDays(1):yyyy-MM-dd}T{At}:00";

    /// <summary>SYSTEM runs as a service account; any other account (a gMSA ending in $, a service account) runs whether logged on or not.</summary>
    public string LogonType => Account.Equals("SYSTEM", StringComparison.OrdinalIgnoreCase) || Account.Equals(@"NT AUTHORITY\SYSTEM", StringComparison.OrdinalIgnoreCase)
        ? "ServiceAccount"
        : "Password";

    /// <summary>ISO 8601 duration, as Task Scheduler writes a time limit (PT2H).</summary>
    public string TimeLimitText => System.Xml.XmlConvert.ToString(TimeLimit);

    public int TimeLimitSeconds => (int)TimeLimit.TotalSeconds;
}
