namespace LyncConfigVault.Simulation.Rgs;

/// <summary>An IVR question with its answers; an answer's action may ask the next question.</summary>
internal sealed class SyntheticQuestion
{
    public required string Name { get; set; }

    public required string Prompt { get; set; }

    public List<(string Name, string Dtmf, SyntheticCallAction Action)> Answers { get; } = [];
}
