namespace LyncConfigVault.Model;

/// <summary>What the run manifest remembers of one export file: enough to find and verify the original.</summary>
internal sealed record ExportRecord(
    ExportKind Kind,
    string Source,
    string Sha256,
    long Size,
    DateTimeOffset ExportedAt,
    IReadOnlyList<ArchiveEntryRecord> Entries)
{
    /// <summary>The pool of a per-pool export (Response Group, user data); null for deployment-wide ones.</summary>
    public string? Pool { get; init; }

    /// <summary>The vault folder this export replaces: cms, lis, rgs/&lt;pool&gt; …</summary>
    public string Label => Pool is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()}-{Pool}";
}

/// <summary>One entry of an export archive, recorded but not necessarily normalized.</summary>
internal sealed record ArchiveEntryRecord(string Name, long Size, string Sha256);
