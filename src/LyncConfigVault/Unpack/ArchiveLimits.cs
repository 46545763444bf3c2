namespace LyncConfigVault.Unpack;

/// <summary>
/// How much an export archive may hold before lcv refuses it as damaged or hostile. A 20,000-object
/// DocItemSet.xml is about 40 MB; the limits leave room for the largest real deployments.
/// </summary>
internal sealed record ArchiveLimits(int MaxEntries, long MaxEntryBytes, long MaxTotalBytes, double MaxRatio)
{
    public static ArchiveLimits Default { get; } = new(MaxEntries: 20_000, MaxEntryBytes: 512L << 20, MaxTotalBytes: 1L << 30, MaxRatio: 200);

    /// <summary>Small entries compress badly or well without meaning much; the ratio counts from this size up.</summary>
    public const long RatioFloorBytes = 1L << 20;
}
