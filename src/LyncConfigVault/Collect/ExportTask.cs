using LyncConfigVault.Catalog;
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
            ? new(ExportKind.Cms, CmdletOf(ExportKind.Cms), "*", file, new Dictionary<string, object> { ["AsBytes"] = true }, ExportDelivery.Bytes)
            : new(ExportKind.Cms, CmdletOf(ExportKind.Cms), "*", file, new Dictionary<string, object> { ["FileName"] = file });
    }

    /// <summary>
    /// The published topology on its own, (Get-CsTopology -AsXml): small and quick, so a night whose
    /// CMS export fails still records the topology.
    /// </summary>
    public static ExportTask Topology(string folder) =>
        new(ExportKind.Topology, CmdletOf(ExportKind.Topology), "*", Path.Combine(folder, "Topology.xml"), new Dictionary<string, object> { ["AsXml"] = true }, ExportDelivery.Text);

    /// <summary>One pool's Response Groups; never with -RemoveExportedConfiguration, which deletes what it exports.</summary>
    public static ExportTask Rgs(string folder, string pool)
    {
        var file = Path.Combine(folder, $"RgsConfig-{pool}.zip");
        return new(ExportKind.Rgs, CmdletOf(ExportKind.Rgs), pool, file, new Dictionary<string, object> { ["Source"] = $"ApplicationServer:{pool}", ["FileName"] = file });
    }

    /// <summary>One pool's Response Groups as the Get-CsRgs* objects, written by lcv into an archive of the export's layout.</summary>
    public static ExportTask RgsObjects(string folder, string pool) =>
        new(ExportKind.Rgs, "Get-CsRgs*", pool, Path.Combine(folder, $"RgsConfig-{pool}.zip"), new Dictionary<string, object> { ["Identity"] = $"service:ApplicationServer:{pool}" }, ExportDelivery.RgsObjects);

    /// <summary>The E9-1-1 location database: one for the deployment.</summary>
    public static ExportTask Lis(string folder, bool asBytes = false)
    {
        var file = Path.Combine(folder, "E911Config.zip");
        return asBytes
            ? new(ExportKind.Lis, CmdletOf(ExportKind.Lis), "*", file, new Dictionary<string, object> { ["AsBytes"] = true }, ExportDelivery.Bytes)
            : new(ExportKind.Lis, CmdletOf(ExportKind.Lis), "*", file, new Dictionary<string, object> { ["FileName"] = file });
    }

    /// <summary>One UserServer pool's contact lists (opt-in: personal data). The file name carries the pool for the vault.</summary>
    public static ExportTask Users(string folder, string pool)
    {
        var file = Path.Combine(folder, $"UserData-{pool}.zip");
        return new(ExportKind.UserData, CmdletOf(ExportKind.UserData), pool, file, new Dictionary<string, object> { ["PoolFqdn"] = pool, ["FileName"] = file });
    }

    /// <summary>
    /// Per-user policy assignments (opt-in: they name people): Get-CsUser's answer, kept to the SIP address, the
    /// Registrar pool and the per-user policies, so reports can say how many users a changed policy affects.
    /// </summary>
    public static ExportTask UserPolicies(string folder) =>
        new(ExportKind.UserPolicies, CmdletOf(ExportKind.UserPolicies), "*", Path.Combine(folder, UserPolicyFile.FileName), new Dictionary<string, object>(), ExportDelivery.Objects);

    /// <summary>Persistent chat rooms and content (opt-in: message content), kept as a hashed record only; -DBInstance is required.</summary>
    public static ExportTask PersistentChat(string folder, string database)
    {
        var file = Path.Combine(folder, PersistentChatFile);
        return new(ExportKind.PersistentChat, CmdletOf(ExportKind.PersistentChat), "*", file, new Dictionary<string, object> { ["DBInstance"] = database, ["FileName"] = file });
    }

    /// <summary>The name lcv gives the persistent chat export: its layout is not public, so the name is how the vault knows it.</summary>
    public const string PersistentChatFile = "PersistentChatData.zip";

    // The cmdlet each export is written by, as the catalog's export table names it.
    private static string CmdletOf(ExportKind kind) => ExportKinds.Of(kind).Cmdlet;
}
