namespace LyncConfigVault.Simulation.Lis;

/// <summary>A civic location of the LIS database with its address fields (FORMATS.md §5.2).</summary>
internal sealed class SyntheticLocation
{
    /// <summary>The internal id that links network elements to the location; renumbered by a re-import (noise).</summary>
    public Guid Id { get; set; }

    /// <summary>Address fields by cmdlet parameter name: Location, HouseNumber, StreetName, City …</summary>
    public required Dictionary<string, string> Address { get; init; }
}
