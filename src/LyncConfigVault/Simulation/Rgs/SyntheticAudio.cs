namespace LyncConfigVault.Simulation.Rgs;

/// <summary>An audio file imported with Import-CsRgsAudioFile: its name, the name the service gave it, its bytes and owner.</summary>
internal sealed class SyntheticAudio
{
    public required string OriginalFileName { get; set; }

    public required string UniqueName { get; set; }

    public required byte[] Bytes { get; set; }

    /// <summary>The workflow or queue whose RGS/Instances/&lt;guid&gt; folder holds the file.</summary>
    public Guid Owner { get; set; }

    /// <summary>Put one folder deeper, so a reader must search RGS/Instances/&lt;guid&gt; recursively (FORMATS.md §4.7).</summary>
    public bool Nested { get; init; }
}
