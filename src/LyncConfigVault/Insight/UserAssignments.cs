using System.Globalization;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Users;

namespace LyncConfigVault.Insight;

/// <summary>
/// Who has which per-user policy, per Registrar pool, from users/policy-assignments (Get-CsUser, opt-in),
/// and each pool's site from the topology: enough to count the users a Tag, Site or Global policy applies to.
/// Reads the per-user lists and the counts-only form (redaction omit) alike.
/// </summary>
internal sealed class UserAssignments
{
    private readonly List<(string Pool, string? Site, int Users, Dictionary<string, int> Granted)> _pools = [];

    public bool IsEmpty => _pools.Count == 0;

    public static UserAssignments From(ObjectSource source)
    {
        var result = new UserAssignments();
        var files = source.FilesUnder(UserPolicyNormalizer.Part).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            return result;
        }

        var sites = SnapshotObjects.SiteNames(source);
        var poolSites = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pool in SnapshotObjects.Under(source, "topology/pools"))
        {
            var siteId = (SnapshotObjects.Setting(pool)["ClusterId"] as YMap)?.Text("SiteId");
            if (siteId is not null && sites.TryGetValue(siteId, out var site))
            {
                poolSites[pool.Text(ObjectFactory.IdentityKey) ?? ""] = site;
            }
        }

        foreach (var file in files)
        {
            var content = source.Read(file);
            var pool = content.Text(ObjectFactory.IdentityKey) ?? "";
            var setting = SnapshotObjects.Setting(content);
            var granted = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            int users;
            if (setting[UserPolicyNormalizer.UsersKey] is YSeq list)
            {
                users = list.Items.Count;
                foreach (var entry in list.Items.OfType<YMap>().SelectMany(u => u.Entries))
                {
                    if (entry.Value is YScalar value)
                    {
                        granted[$"{entry.Key} {value.Text}"] = granted.GetValueOrDefault($"{entry.Key} {value.Text}") + 1;
                    }
                }
            }
            else
            {
                users = int.TryParse(setting.Text(UserPolicyNormalizer.UsersKey), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                foreach (var (key, value) in (setting[UserPolicyNormalizer.CountsKey] as YMap)?.Entries ?? [])
                {
                    granted[key] = int.TryParse((value as YScalar)?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
                }
            }

            result._pools.Add((pool, poolSites.GetValueOrDefault(pool), users, granted));
        }

        return result;
    }

    /// <summary>Every per-user grant: pool, Get-CsUser property (VoicePolicy …), the policy (Tag:Name) and how many users have it.</summary>
    public IEnumerable<(string Pool, string Property, string Policy, int Users)> Grants() =>
        _pools.SelectMany(p => p.Granted.Select(g => (p.Pool, Property: g.Key[..g.Key.IndexOf(' ')], Policy: g.Key[(g.Key.IndexOf(' ') + 1)..], Users: g.Value)));

    /// <summary>Users granted this per-user policy (property: VoicePolicy, ClientPolicy …; tag: Tag:Name).</summary>
    public int Granted(string property, string tag) => _pools.Sum(p => p.Granted.GetValueOrDefault($"{property} {tag}"));

    /// <summary>Users with no per-user policy of this kind homed on pools of the site (null: of sites for which <paramref name="siteHasOwn"/> says no).</summary>
    public int Following(string property, string? site, Func<string?, bool> siteHasOwn) =>
        _pools.Where(p => site is null ? !siteHasOwn(p.Site) : string.Equals(p.Site, site, StringComparison.OrdinalIgnoreCase))
            .Sum(p => p.Users - p.Granted.Where(g => g.Key.StartsWith(property + " ", StringComparison.Ordinal)).Sum(g => g.Value));
}
