using System.Collections.Frozen;

namespace LyncConfigVault.Catalog;

/// <summary>
/// The policies Lync assigns per user (Grant-Cs…Policy), as Get-CsUser shows them: each under a property
/// named as the policy's noun (VoicePolicy, DialPlan …), empty when the site's or the global one applies.
/// </summary>
internal static class UserPolicies
{
    /// <summary>The per-user policies lcv knows and counts users for.</summary>
    public static FrozenSet<string> Nouns { get; } = new[]
    {
        "VoicePolicy", "VoiceRoutingPolicy", "DialPlan", "ClientPolicy", "ConferencingPolicy", "ExternalAccessPolicy", "MobilityPolicy",
        "LocationPolicy", "ArchivingPolicy", "PinPolicy", "PresencePolicy", "PersistentChatPolicy", "ClientVersionPolicy", "UserServicesPolicy",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The Get-CsUser properties a user policy file keeps: who, where, and each per-user assignment. Any
    /// property ending in Policy counts, known or not: a later product's new policy is kept too.
    /// </summary>
    public static bool Kept(string property) =>
        property is "SipAddress" or "RegistrarPool" or "DialPlan" or "EnterpriseVoiceEnabled"
        || property.EndsWith("Policy", StringComparison.Ordinal);
}
