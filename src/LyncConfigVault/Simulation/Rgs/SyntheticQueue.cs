namespace LyncConfigVault.Simulation.Rgs;

/// <summary>A queue: its agent groups in order, and what happens on timeout and overflow.</summary>
internal sealed class SyntheticQueue
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public List<Guid> AgentGroups { get; } = [];

    public short? TimeoutThreshold { get; set; }

    public short? OverflowThreshold { get; set; }

    public string OverflowCandidate { get; set; } = "NewestCall";

    public SyntheticCallAction? TimeoutAction { get; set; }

    public SyntheticCallAction? OverflowAction { get; set; }
}
