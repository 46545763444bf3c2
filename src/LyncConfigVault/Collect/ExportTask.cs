using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// One export of a collection run: which cmdlet, against what, into which file, with which typed
/// parameters. AsBytes: the cmdlet returns the archive instead of writing it, which a remote session
/// needs (its -FileName would be a path on the pool's server); lcv then writes FileName itself.
/// </summary>
internal sealed record ExportTask(ExportKind Kind, string Cmdlet, string Target, string FileName, IReadOnlyDictionary<string, object> Parameters, bool AsBytes = false)
{
    /// <summary>"Export-CsConfiguration" or "Export-CsRgsConfiguration on pool01.contoso.com", as the run summary names it.</summary>
    public string DisplayName => Target == "*" ? Cmdlet : $"{Cmdlet} on {Target}";

    /// <summary>The CMS (with the topology inside it): one export for the whole deployment.</summary>
    public static ExportTask Cms(string folder, bool asBytes = false)
    {
        var file = Path.Combine(folder, "CsConfiguration.zip");
        return new(ExportKind.Cms, "Export-CsConfiguration", "*", file, asBytes ? new Dictionary<string, object> { ["AsBytes"] = true } : new Dictionary<string, object> { ["FileName"] = file }, asBytes);
    }
}
