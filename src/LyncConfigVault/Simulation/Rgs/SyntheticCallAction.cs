namespace LyncConfigVault.Simulation.Rgs;

/// <summary>A Response Group call action: what happens to a call, with an optional prompt, queue, URI or IVR question.</summary>
internal sealed class SyntheticCallAction
{
    public required string Action { get; set; }

    public string? TextToSpeech { get; set; }

    public SyntheticAudio? Audio { get; set; }

    public Guid? Queue { get; set; }

    public string? Uri { get; set; }

    public SyntheticQuestion? Question { get; set; }
}
