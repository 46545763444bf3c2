namespace LyncConfigVault.Simulation.Rgs;

/// <summary>Response Group re-export noise (FORMATS.md §4.7): none of it is a change.</summary>
internal sealed record RgsNoise(bool ShuffleProperties = false, bool Utf8 = false, bool ShuffleEntries = false, string DateSuffix = "")
{
    public static RgsNoise None { get; } = new();

    public static RgsNoise Random(Random random) => new(
        ShuffleProperties: random.Next(2) == 0,
        Utf8: random.Next(2) == 0,
        ShuffleEntries: random.Next(2) == 0,
        DateSuffix: random.Next(3) switch { 0 => "", 1 => "Z", _ => "+01:00" });
}
