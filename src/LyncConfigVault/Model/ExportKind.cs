namespace LyncConfigVault.Model;

/// <summary>The export an input file came from; each owns one part of the vault tree.</summary>
internal enum ExportKind
{
    /// <summary>Export-CsConfiguration: the Central Management Store (and the topology inside it).</summary>
    Cms,

    /// <summary>(Get-CsTopology -AsXml): the published topology on its own.</summary>
    Topology,

    /// <summary>Export-CsRgsConfiguration.</summary>
    Rgs,

    /// <summary>Export-CsLisConfiguration.</summary>
    Lis,

    /// <summary>Export-CsUserData.</summary>
    UserData,

    /// <summary>Export-CsPersistentChatData.</summary>
    PersistentChat,

    /// <summary>Get-CsUser's per-user policy assignments, saved as CliXml (CsUserPolicies.xml).</summary>
    UserPolicies,
}
