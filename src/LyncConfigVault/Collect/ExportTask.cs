using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>One export of a collection run: which cmdlet, against what, into which file, with which typed parameters.</summary>
internal sealed record ExportTask(ExportKind Kind, string Cmdlet, string Target, string FileName, IReadOnlyDictionary<string, object> Parameters)
{
    /// <summary>"Export-CsConfiguration" or "Export-CsRgsConfiguration on pool01.contoso.com", as the run summary names it.</summary>
    public string DisplayName => Target == "*" ? Cmdlet : $"{Cmdlet} on {Target}";

    /// <summary>The CMS (with the topology inside it): one export for the whole deployment.</summary>
    public static ExportTask Cms(string folder) =>
        new(ExportKind.Cms, "Export-CsConfiguration", "*", Path.Combine(folder, "CsConfiguration.zip"), new Dictionary<string, object> { ["FileName"] = Path.Combine(folder, "CsConfiguration.zip") });
}
