namespace LyncConfigVault.Diff;

/// <summary>One side of a comparison: a commit of the vault or export files, and when it was taken.</summary>
/// <param name="Revision">The full commit id, or the export file names.</param>
/// <param name="Label">What the admin typed or a short form of it (HEAD~1, baseline/approved, a file name).</param>
internal sealed record DiffSide(string Revision, string Label, DateTimeOffset? Date);
