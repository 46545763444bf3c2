namespace LyncConfigVault.Diff;

/// <summary>One snapshot in which an object changed: when, in which commit, and what changed in it.</summary>
internal sealed record HistoryEntry(string Commit, DateTimeOffset Date, ObjectChange Change);
