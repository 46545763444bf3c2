using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// One export of a collection run: which cmdlet, against what, into which file, with which typed
/// parameters, and whether the cmdlet writes the file or lcv writes what it returns.
/// </summary>
internal sealed record ExportTask(ExportKind Kind, string Cmdlet, string Target, string FileName, IReadOnlyDictionary<string, object> Parameters, ExportDelivery Delivery = ExportDelivery.File)
{
    /// <summary>"Export-CsConfiguration" or "Export-CsRgsConfiguration on pool01.contoso.com", as the run summary names it.</summary>
    public string DisplayName => Target == "*" ? Cmdlet : $"{Cmdlet} on {Target}";

    /// <summary>The CMS (with the topology inside it): one export for the whole deployment.</summary>
    public static ExportTask Cms(string folder, bool asBytes = false)
    {
        var file = Path.Combine(folder, "CsConfiguration.zip");
        return asBytes
            ? new(ExportKind.Cms, "Export-CsConfiguration", "*", file, new Dictionary<string, object> { ["AsBytes"] = true }, ExportDelivery.Bytes)
            : new(ExportKind.Cms, "Export-CsConfiguration", "*", file, new Dictionary<string, object> { ["FileName"] = file });
    }

    /// <summary>
    /// The published topology on its own, (Get-CsTopology -AsXml): small and quick, so a night whose
    /// CMS export fails still records the topology.
    /// </summary>
    public static ExportTask Topology(string folder) =>
        new(ExportKind.Topology, "Get-CsTopology", "*", Path.Combine(folder, "Topology.xml"), new Dictionary<string, object> { ["AsXml"] = true }, ExportDelivery.Text);
}
