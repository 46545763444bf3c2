using LyncConfigVault.Model;

namespace LyncConfigVault.Catalog;

/// <summary>
/// The exports lcv knows, in the order Lync restores them: the store (with its topology) first, then each
/// pool's Response Groups, then the locations; the exports that name people last. Collect plans from this
/// table, the vault lays out its parts by it, and restore rebuilds and explains by it.
/// </summary>
internal static class ExportKinds
{
    public static IReadOnlyList<ExportKindEntry> All { get; } =
    [
        new(ExportKind.Cms, "cms", "Export-CsConfiguration", "an Export-CsConfiguration export", "cms")
        {
            Default = true, RestoredBy = "Import-CsConfiguration",
        },
        new(ExportKind.Topology, "topology", "Get-CsTopology", "a Get-CsTopology -AsXml file", "topology")
        {
            Default = true, RestoredBy = "Publish-CsTopology",
        },
        new(ExportKind.Rgs, "rgs", "Export-CsRgsConfiguration", "an Export-CsRgsConfiguration export", "rgs")
        {
            PerPool = true, Default = true, RestoredBy = "Import-CsRgsConfiguration",
        },
        new(ExportKind.Lis, "lis", "Export-CsLisConfiguration", "an Export-CsLisConfiguration export", "lis")
        {
            Default = true, RestoredBy = "Import-CsLisConfiguration",
        },
        new(ExportKind.UserData, "users", "Export-CsUserData", "an Export-CsUserData export", "users")
        {
            PerPool = true, PersonalData = true,
            NotRebuilt = "the vault keeps user data redacted: import the raw Export-CsUserData archive with Import-CsUserData, and never contact lists from before a Unified Contact Store migration",
        },
        new(ExportKind.UserPolicies, "userpolicies", "Get-CsUser", "a Get-CsUser policy list", "users/policy-assignments")
        {
            PersonalData = true,
            NotRebuilt = "who has which per-user policy: grant them again with Grant-CsVoicePolicy, Grant-CsDialPlan, Grant-CsClientPolicy … -Identity <user> -PolicyName <Tag>, from the file of each pool",
        },
        new(ExportKind.PersistentChat, "persistentchat", "Export-CsPersistentChatData", "an Export-CsPersistentChatData export", "users/persistent-chat")
        {
            PersonalData = true,
            NotRebuilt = "kept as hashes only: import the raw Export-CsPersistentChatData archive",
        },
    ];

    /// <summary>The top-level vault folders the exports own, in restore order: cms, topology, rgs, lis, users.</summary>
    public static IReadOnlyList<string> Folders { get; } = All.Select(e => e.Folder).Distinct().ToList();

    /// <summary>The folders that hold one part per pool: rgs, users.</summary>
    public static IReadOnlyList<string> PerPoolFolders { get; } = All.Where(e => e.PerPool).Select(e => e.Part).ToList();

    public static ExportKindEntry Of(ExportKind kind) => All.First(e => e.Kind == kind);

    /// <summary>The export a name of --only is, or null for a name lcv does not know.</summary>
    public static ExportKindEntry? Named(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The export that owns a vault part (cms, rgs/pool01, users/persistent-chat …), or null for none.</summary>
    public static ExportKindEntry? OwnerOf(string part) =>
        All.FirstOrDefault(e => !e.PerPool && e.Owns(part)) ?? All.FirstOrDefault(e => e.Owns(part));

    /// <summary>Whether lcv restore rebuilds <paramref name="part"/> for an import cmdlet.</summary>
    public static bool IsRebuilt(string part) => OwnerOf(part)?.RestoredBy is not null;
}
