namespace LyncConfigVault.Vault;

/// <summary>
/// A part a run carried forward from the previous snapshot: its export failed in this run (Failure says
/// why) or was not requested at all.
/// </summary>
internal sealed record StalePart(string Part, string? Failure)
{
    /// <summary>How the commit trailer and the run's output word it, after the part's name.</summary>
    public string Reason => Failure is null ? "not requested in this run" : $"its export failed in this run ({Failure})";
}
