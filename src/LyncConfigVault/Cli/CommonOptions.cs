using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Model;

namespace LyncConfigVault.Cli;

/// <summary>Options every command spells the same way.</summary>
internal static class CommonOptions
{
    public static Option<string> Vault() => new("--vault", "-v")
    {
        Description = "The vault folder (default: the current folder)",
        DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
    };

    public static Option<string> Format() => new("--format")
    {
        Description = "text for people, json for scripts",
        DefaultValueFactory = _ => "text",
    };

    /// <summary>A date as an admin types it: 2026-11-24, 2026-11-24T02:00, with or without an offset (local time then).</summary>
    public static DateTimeOffset ParseDate(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value))
        {
            return value;
        }

        throw new LcvException($"'{text}' is not a date; write it as 2026-11-24 or 2026-11-24T02:00.");
    }
}
