using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats.CliXml;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Users;

/// <summary>
/// Per-user policy assignments (Get-CsUser, opt-in) into one file per Registrar pool,
/// users/policy-assignments/&lt;pool&gt;.yaml: each user (pseudonymized as the vault's user data is) with
/// the per-user policies granted, as Tag:&lt;name&gt;. A user with none follows the site's or the global
/// policy. A user's pseudonym is the one their contact list has under users/&lt;pool&gt;/. With redaction
/// omit only the counts per policy are kept.
/// </summary>
internal sealed class UserPolicyNormalizer(LyncCatalog catalog, PersonalDataPolicy policy)
{
    public static readonly string Part = ExportKinds.Of(ExportKind.UserPolicies).Part;
    public const string UsersKey = "Users";
    public const string UserKey = "User";
    public const string CountsKey = "Counts";

    /// <summary>A CliXml list of objects with a SIP address and a registrar pool: Get-CsUser's output, saved.</summary>
    public static bool IsUserPolicies(IReadOnlyList<CliValue> values) =>
        values.Count > 0 && values.All(v => v is CliObject o && o.Text("SipAddress") is not null && o.Property("RegistrarPool") is not null);

    public List<LyncObject> Normalize(IReadOnlyList<CliValue> values, string file)
    {
        var byPool = new SortedDictionary<string, List<YMap>>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in values.Cast<CliObject>())
        {
            var address = user.Text("SipAddress")!;
            var pool = user.Text("RegistrarPool") is { Length: > 0 } registrar ? registrar : "(no pool)";
            var entry = new YMap().Add(UserKey, policy.Personal("user", "sip:" + address.Replace("sip:", "", StringComparison.OrdinalIgnoreCase)));
            foreach (var (name, value) in user.Properties.Concat(user.Members)
                .Where(p => p.Key != "SipAddress" && p.Key != "RegistrarPool" && UserPolicies.Kept(p.Key))
                .OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (Text(value) is { Length: > 0 } text)
                {
                    entry.Add(name, name == "EnterpriseVoiceEnabled" ? text.ToLowerInvariant() : AsTag(text));
                }
            }

            if (!byPool.TryGetValue(pool, out var users))
            {
                byPool[pool] = users = [];
            }

            users.Add(entry);
        }

        return byPool.Select(p => Object(p.Key, p.Value)).ToList();
    }

    /// <summary>Get-CsUser shows a per-user policy by its tag name; lcv writes it as the Identity admins grant (Tag:Name).</summary>
    private static string AsTag(string value) =>
        value.StartsWith("Tag:", StringComparison.OrdinalIgnoreCase) || value.Equals("Global", StringComparison.OrdinalIgnoreCase) || value.StartsWith("Site:", StringComparison.OrdinalIgnoreCase)
            ? value : $"Tag:{value}";

    private LyncObject Object(string pool, List<YMap> users)
    {
        var setting = new YMap();
        if (policy.Level == Redaction.Omit)
        {
            var counts = users.SelectMany(u => u.Entries.Where(e => e.Key != UserKey && e.Key != "EnterpriseVoiceEnabled"))
                .GroupBy(e => $"{e.Key} {((YScalar)e.Value).Text}", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            setting.Add(UsersKey, users.Count.ToString(CultureInfo.InvariantCulture));
            var byPolicy = new YMap();
            foreach (var group in counts)
            {
                byPolicy.Add(group.Key, group.Count().ToString(CultureInfo.InvariantCulture));
            }

            setting.Add(CountsKey, byPolicy);
        }
        else
        {
            setting.Add(UsersKey, new YSeq(users.OrderBy(u => u.Text(UserKey), StringComparer.Ordinal).Select(u => (YNode)u)));
        }

        var entry = catalog.Playing(ObjectRole.UserPolicyAssignments);
        var noun = entry.Noun;
        var identity = LyncIdentity.Named(pool);
        var content = new YMap()
            .Add(ObjectFactory.IdentityKey, identity.ToString())
            .Add(ObjectFactory.NounKey, noun)
            .Add(noun, setting);
        return new LyncObject(noun, entry.Area, identity, $"{Part}/{VaultPaths.Segment(pool)}.yaml", content);
    }

    private static string? Text(CliValue value) => value switch
    {
        CliPrimitive p => p.Text,
        CliObject { ToStringText: { } s } => s,
        _ => null,
    };
}
