namespace LyncConfigVault.Simulation.Rgs;

/// <summary>Hours of business: per weekday, up to two open ranges.</summary>
internal sealed class SyntheticHours
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>"Monday" → the first range (the second is left unset).</summary>
    public Dictionary<string, (TimeSpan Open, TimeSpan Close)> Days { get; } = [];
}
