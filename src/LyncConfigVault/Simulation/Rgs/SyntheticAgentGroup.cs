namespace LyncConfigVault.Simulation.Rgs;

/// <summary>An agent group: who answers, in which order for Serial and RoundRobin routing.</summary>
internal sealed class SyntheticAgentGroup
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public required string RoutingMethod { get; set; }

    public string ParticipationPolicy { get; set; } = "Informal";

    public short AgentAlertTime { get; set; } = 20;

    public List<string> Agents { get; } = [];

    public string? DistributionGroupAddress { get; set; }
}
