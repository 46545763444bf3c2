namespace LyncConfigVault.Formats;

/// <summary>
/// How much an export archive may hold before lcv refuses it as damaged or hostile. A 20,000-object
/// DocItemSet.xml is about 40 MB; the limits leave room for the largest real deployments.
/// </summary>
internal sealed record ArchiveLimits(int MaxEntries, long MaxEntryBytes, long MaxTotalBytes, double MaxRatio)
{
    // The largest real archive is a Response Group export with a prompt or two per workflow: hundreds of entries.
    public static ArchiveLimits Default { get; } = new(MaxEntries: 4_096, MaxEntryBytes: 512L << 20, MaxTotalBytes: 1L << 30, MaxRatio: 200);

    /// <summary>How long opening an export file may take: a pipe or a share that does not answer must not hold the run lock for ever.</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Small entries compress badly or well without meaning much; the ratio counts from this size up.</summary>
    public const long RatioFloorBytes = 1L << 20;
}
