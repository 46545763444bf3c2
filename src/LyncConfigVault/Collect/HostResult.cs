namespace LyncConfigVault.Collect;

/// <summary>
/// What one cmdlet call gave back: its output objects (property → text), its non-terminating errors,
/// its verbose lines, and the terminating error or the timeout that ended it, if one did.
/// </summary>
internal sealed record HostResult(
    IReadOnlyList<IReadOnlyDictionary<string, string>> Objects,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Verbose,
    string? Terminating,
    bool TimedOut)
{
    public byte[]? Bytes { get; init; }

    /// <summary>The output when it was one string (Get-CsTopology -AsXml).</summary>
    public string? Text { get; init; }

    /// <summary>The output objects as CliXml, when asked for (the Get-CsRgs* objects a remote session brings back).</summary>
    public string? CliXml { get; init; }

    public bool Succeeded => Terminating is null && !TimedOut && Errors.Count == 0;

    /// <summary>The cmdlet's own words for why it failed, or null when it did not.</summary>
    public string? Failure => TimedOut ? "did not finish within its time limit and was stopped"
        : Terminating ?? (Errors.Count > 0 ? string.Join("; ", Errors) : null);
}
