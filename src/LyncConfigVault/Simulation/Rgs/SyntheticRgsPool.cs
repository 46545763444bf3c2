namespace LyncConfigVault.Simulation.Rgs;

/// <summary>The Response Group configuration of one ApplicationServer pool: what one Export-CsRgsConfiguration holds.</summary>
internal sealed class SyntheticRgsPool
{
    public required string Pool { get; init; }

    public List<SyntheticWorkflow> Workflows { get; } = [];

    public List<SyntheticQueue> Queues { get; } = [];

    public List<SyntheticAgentGroup> AgentGroups { get; } = [];

    public List<SyntheticHours> Hours { get; } = [];

    public List<SyntheticHolidaySet> HolidaySets { get; } = [];

    /// <summary>Audio in the export that nothing references (FORMATS.md §4.7).</summary>
    public List<SyntheticAudio> UnusedAudio { get; } = [];

    public int AgentRingbackGracePeriod { get; set; } = 60;
}
