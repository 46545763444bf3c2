namespace LyncConfigVault.Vault;

/// <summary>A reviewed state of the configuration: an annotated tag baseline/NAME that drift compares against.</summary>
internal sealed record Baseline(string Name, string Commit, DateTimeOffset SnapshotDate, string Message, string SetBy, DateTimeOffset SetAt);
