using LyncConfigVault.Collect;

namespace LyncConfigVault.Simulation.Users;

/// <summary>
/// Who has which per-user policy: Get-CsUser's view of the generated deployment, a few dozen users per
/// site homed on its pool. Most have a Tag voice policy of their site, some none (the site's applies),
/// a few the executives' one; client and conferencing policies are granted to some. Its own random
/// source, so the rest of a seed's story stays the same.
/// </summary>
internal sealed class SyntheticPolicyAssignments
{
    private static readonly string[] VoiceKinds = ["Intl", "National", "National", "Restricted", ""];
    private static readonly string[] ClientPolicies = ["", "", "", "CP-Kiosk", "CP-CallCentre", "CP-Contractors"];
    private static readonly string[] MeetingPolicies = ["", "", "Conf-Large", "Conf-External"];

    private readonly List<Dictionary<string, string>> _users = [];
    private readonly Random _random;

    public SyntheticPolicyAssignments(int seed, string domain)
    {
        _random = new Random(unchecked((seed * 104729) + 3));
        foreach (var site in SyntheticSite.All)
        {
            var count = site.IsBranch ? 12 : 40;
            for (var i = 0; i < count; i++)
            {
                var voice = i == 0 && !site.IsBranch ? "VP-Executives" : VoiceKinds[_random.Next(VoiceKinds.Length)] is { Length: > 0 } kind ? $"VP-{site.Name}-{kind}" : "";
                _users.Add(new Dictionary<string, string>
                {
                    ["SipAddress"] = $"sip:user{i:000}.{site.Code}@{domain}",
                    ["RegistrarPool"] = site.Pool(domain),
                    ["VoicePolicy"] = voice,
                    ["ClientPolicy"] = ClientPolicies[_random.Next(ClientPolicies.Length)],
                    ["ConferencingPolicy"] = MeetingPolicies[_random.Next(MeetingPolicies.Length)],
                    ["ExternalAccessPolicy"] = "",
                    ["DialPlan"] = "",
                    ["EnterpriseVoiceEnabled"] = voice.Length > 0 ? "True" : "False",
                });
            }
        }
    }

    public int Count => _users.Count;

    /// <summary>A night's admin work: one user granted another voice policy of their site (or back to none).</summary>
    public void Change(int night)
    {
        var user = _users[(night * 13) % _users.Count];
        var site = SyntheticSite.All.First(s => user["RegistrarPool"].StartsWith(s.Code, StringComparison.Ordinal));
        var kind = VoiceKinds[_random.Next(VoiceKinds.Length)];
        user["VoicePolicy"] = kind.Length > 0 ? $"VP-{site.Name}-{kind}" : "";
    }

    public byte[] Write() => UserPolicyFile.Write(_users);
}
