using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;

namespace LyncConfigVault.Insight.Impact;

/// <summary>
/// The blast radius of a changed policy: how many users it applies to. A Tag policy, the users granted
/// it; a Site policy, the users homed in the site without a per-user one; the Global policy, the users
/// with neither. Needs the per-user assignments (lcv backup --only …,userpolicies); silent without them.
/// </summary>
internal static class UserImpact
{
    public static void Add(LyncCatalog catalog, ChangeIndex changes, UserAssignments users, ObjectSource after)
    {
        if (users.IsEmpty)
        {
            return;
        }

        foreach (var change in changes.Changes.Where(c => UserPolicies.Nouns.Contains(c.Noun)).OrderBy(c => c.DisplayName, StringComparer.Ordinal))
        {
            var property = change.Noun;
            var identity = LyncIdentity.Parse(change.Kind == ObjectChangeKind.Renamed ? change.OldIdentity ?? change.Identity : change.Identity);
            var removed = change.Kind is ObjectChangeKind.Removed or ObjectChangeKind.Renamed;
            var count = identity.Scope switch
            {
                LyncIdentity.TagScope => users.Granted(property, identity.ToString()),
                LyncIdentity.SiteScope => users.Following(property, identity.Name, _ => false),
                LyncIdentity.GlobalScope => users.Following(property, null, site => site is not null && SiteHasOwn(catalog, after, change.Noun, site)),
                _ => 0,
            };
            var text = identity.Scope switch
            {
                LyncIdentity.TagScope when removed => count == 0 ? $"no user was granted {identity}" : $"{Users(count)} still granted {identity}, which no longer exists",
                LyncIdentity.TagScope => count == 0 ? "assigned to no user" : $"assigned to {Users(count)}",
                LyncIdentity.SiteScope when count > 0 => $"applies to {Users(count)} homed in {identity} with no per-user {Words(change.Noun)}",
                LyncIdentity.GlobalScope when count > 0 => $"applies to {Users(count)} with no per-user or site {Words(change.Noun)}",
                _ => null,
            };
            if (text is not null)
            {
                changes.Add(new ImpactNote(ImpactNote.UsersKind, text) { Users = count }, change);
            }
        }
    }

    private static bool SiteHasOwn(LyncCatalog catalog, ObjectSource source, string noun, string site) =>
        source.Files.ContainsKey(Normalize.VaultPaths.For(catalog.Noun(noun), LyncIdentity.Site(site)));

    private static string Users(int count) => count == 1 ? "1 user" : $"{count:N0} users";

    private static string Words(string noun) => NounWords.Of(noun);
}
