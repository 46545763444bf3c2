namespace LyncConfigVault.Simulation.Lis;

/// <summary>A subnet, wireless access point, switch or port mapped to a location.</summary>
internal sealed class SyntheticNetworkElement
{
    /// <summary>Subnet, WirelessAccessPoint, Switch or Port: the element name of the (ASSUMPTION) export layout.</summary>
    public required string Kind { get; init; }

    /// <summary>Natural key and description attributes.</summary>
    public required Dictionary<string, string> Attributes { get; init; }

    public required SyntheticLocation Location { get; set; }
}
