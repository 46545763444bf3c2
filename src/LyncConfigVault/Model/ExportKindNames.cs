namespace LyncConfigVault.Model;

/// <summary>Export kinds as an admin knows them: by the cmdlet that wrote them.</summary>
internal static class ExportKindNames
{
    public static string Cmdlet(ExportKind kind) => kind switch
    {
        ExportKind.Cms => "an Export-CsConfiguration export",
        ExportKind.Topology => "a Get-CsTopology -AsXml file",
        ExportKind.Rgs => "an Export-CsRgsConfiguration export",
        ExportKind.Lis => "an Export-CsLisConfiguration export",
        ExportKind.PersistentChat => "an Export-CsPersistentChatData export",
        ExportKind.UserPolicies => "a Get-CsUser policy list",
        _ => "an Export-CsUserData export",
    };
}
