namespace LyncConfigVault.Simulation;

/// <summary>
/// Re-export noise that carries no meaning (FORMATS.md §2.8, §8.2): a nightly export may differ from
/// the last one in all of these ways and lcv must see no change.
/// </summary>
internal sealed record ExportNoise(
    bool ShuffleDocuments = false,
    bool ShuffleAttributes = false,
    string Indent = "  ",
    bool CrLf = false,
    bool Bom = false,
    bool XmlDeclaration = true,
    bool PrefixedNamespaces = false,
    bool NamespacedWrapper = false,
    bool ShuffleZipEntries = false,
    double ResignShare = 0)
{
    public static ExportNoise None { get; } = new();

    /// <summary>A different mix every night, drawn from the night's random source.</summary>
    public static ExportNoise Random(Random random) => new(
        ShuffleDocuments: true,
        ShuffleAttributes: random.Next(2) == 0,
        Indent: random.Next(3) switch { 0 => "  ", 1 => "\t", _ => "" },
        CrLf: random.Next(2) == 0,
        Bom: random.Next(2) == 0,
        XmlDeclaration: random.Next(4) != 0,
        PrefixedNamespaces: random.Next(3) == 0,
        NamespacedWrapper: random.Next(4) == 0,
        ShuffleZipEntries: random.Next(2) == 0,
        ResignShare: 0.05);
}
