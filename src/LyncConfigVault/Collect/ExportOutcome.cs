namespace LyncConfigVault.Collect;

/// <summary>How one export went: the file it wrote, or the cmdlet's own words for why it wrote none.</summary>
internal sealed record ExportOutcome(ExportTask Task, string? Failure, TimeSpan Duration, IReadOnlyList<string> Log)
{
    public bool Succeeded => Failure is null;
}
