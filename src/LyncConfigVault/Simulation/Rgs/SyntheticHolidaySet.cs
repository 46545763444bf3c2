namespace LyncConfigVault.Simulation.Rgs;

/// <summary>A holiday set: named date ranges when the holiday action applies.</summary>
internal sealed class SyntheticHolidaySet
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public List<(string Name, DateTime Start, DateTime End)> Holidays { get; } = [];
}
