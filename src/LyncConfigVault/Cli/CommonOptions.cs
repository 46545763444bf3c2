using System.CommandLine;
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

    /// <summary>"--area rgs,lis" and "--area rgs --area lis" alike: every value of a repeatable option, split at commas.</summary>
    public static List<string> CommaList(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>--at: the one snapshot a command reads (none given: the latest snapshot).</summary>
    public static Option<string?> At(string verb) => new("--at")
    {
        Description = $"The snapshot to {verb} (default: the latest snapshot)",
    };

    public static Option<string> Format() => new("--format")
    {
        Description = "text for people, json for scripts",
        DefaultValueFactory = _ => "text",
    };
}
