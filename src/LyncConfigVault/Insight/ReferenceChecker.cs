using System.Text.RegularExpressions;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Lis;
using LyncConfigVault.Normalize.Rgs;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Insight;

/// <summary>
/// Broken references in one snapshot. What refers to what is declared in the catalog (References);
/// this class only knows how to list the names each target noun has, and a few rules about values
/// (patterns must compile, usages must be carried by a route, scopes must exist in the topology).
/// </summary>
internal sealed class ReferenceChecker(LyncCatalog catalog)
{
    // User data names nothing the checks follow, and a large pool would cost every run its memory; the per-user
    // assignments are read on their own (UserAssignments).
    private static readonly string UsersFolder = ExportKinds.Of(ExportKind.UserData).Folder;

    /// <param name="parts">The vault parts to read (a diff against export files covers only theirs); all when null.</param>
    public List<Finding> Check(ObjectSource source, IReadOnlyCollection<string>? parts = null)
    {
        var objects = (List<YMap>)source.ReadMany((parts ?? VaultLayout.Parts).Where(p => p != UsersFolder).SelectMany(p => source.FilesUnder(p)).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)));
        var names = Names(objects);
        var findings = new List<Finding>();
        foreach (var obj in objects)
        {
            var noun = obj.Text(ObjectFactory.NounKey) ?? "";
            var identity = obj.Text(ObjectFactory.IdentityKey) ?? "";
            var setting = ObjectFactory.Setting(obj).Value as YMap ?? new YMap();
            var entry = catalog.ForNoun(noun);
            foreach (var (path, target) in entry?.References ?? new Dictionary<string, string>())
            {
                foreach (var value in Values(setting, path.Split('.')))
                {
                    if (value is YMap { } unresolved && unresolved.Text(CliYamlMapper.UnresolvedKey) == "true")
                    {
                        findings.Add(new Finding(FindingKind.MissingReference, noun, identity, path, $"{target} {unresolved.Text("Guid")}"));
                    }
                    else if (value is YScalar { Text: var name } && !Exists(names, target, name, identity))
                    {
                        findings.Add(new Finding(FindingKind.MissingReference, noun, identity, path, $"{target} {name}"));
                    }
                }
            }

            findings.AddRange(Patterns(entry, identity, setting));
            findings.AddRange(Scope(noun, identity, names));
            if (entry?.Role == ObjectRole.LisLocation && identity == LisNormalizer.Unmapped)
            {
                findings.AddRange(setting.Entries.Where(e => e.Value is YSeq { Items.Count: > 0 }).Select(e => new Finding(FindingKind.MissingReference, noun, identity, e.Key, $"LisLocation ({((YSeq)e.Value).Items.Count} entries point at a location that does not exist)")));
            }
        }

        findings.AddRange(Grants(source, parts, names));
        findings.AddRange(Unused(objects, names));
        return findings;
    }

    /// <summary>PSTN usages no voice route carries: a call given only such a usage cannot be placed.</summary>
    private IEnumerable<Finding> Unused(List<YMap> objects, Dictionary<string, HashSet<string>> names)
    {
        var usages = catalog.Playing(ObjectRole.PstnUsages);
        var routes = catalog.Playing(ObjectRole.VoiceRoute);
        var (list, usage) = usages.Defines.Single();
        var carried = objects.Where(o => o.Text(ObjectFactory.NounKey) == routes.Noun)
            .SelectMany(o => routes.References.Where(r => r.Value == usage).SelectMany(r => Values(ObjectFactory.Setting(o).Value as YMap ?? new YMap(), r.Key.Split('.'))))
            .OfType<YScalar>().Select(s => s.Text)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.GetValueOrDefault(usage, []).Where(u => !carried.Contains(u)).Order(StringComparer.Ordinal)
            .Select(u => new Finding(FindingKind.UnusedUsage, usages.Noun, "Global", list, u));
    }

    /// <summary>Users granted a per-user policy that does not exist: one finding per pool and policy, with the count.</summary>
    private IEnumerable<Finding> Grants(ObjectSource source, IReadOnlyCollection<string>? parts, Dictionary<string, HashSet<string>> names)
    {
        if (parts is not null && !parts.Any(p => p == UsersFolder || p.StartsWith(UsersFolder + "/", StringComparison.Ordinal)) || !names.ContainsKey(catalog.Playing(ObjectRole.VoicePolicy).Noun))
        {
            yield break;   // without the CMS side there is nothing to hold the grants against
        }

        foreach (var (pool, property, policy, users) in UserAssignments.From(source).Grants().OrderBy(g => g.Pool, StringComparer.Ordinal).ThenBy(g => g.Property, StringComparer.Ordinal).ThenBy(g => g.Policy, StringComparer.Ordinal))
        {
            if (UserPolicies.Nouns.TryGetValue(property, out var noun) && policy.StartsWith("Tag:", StringComparison.OrdinalIgnoreCase) && !names.GetValueOrDefault(noun, []).Contains(policy))
            {
                yield return new Finding(FindingKind.MissingReference, catalog.Playing(ObjectRole.UserPolicyAssignments).Noun, pool, $"{property} ({users:N0} {(users == 1 ? "user" : "users")})", $"{noun} {policy}") { Users = users };
            }
        }
    }

    /// <summary>Target noun → the names objects of it have: Identities, the names a list defines (usages for PstnUsage), and pool-relative names for Response Groups.</summary>
    private Dictionary<string, HashSet<string>> Names(List<YMap> objects)
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string noun, string name)
        {
            if (!names.TryGetValue(noun, out var set))
            {
                names[noun] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            set.Add(name);
        }

        foreach (var obj in objects)
        {
            var noun = obj.Text(ObjectFactory.NounKey) ?? "";
            Add(noun, obj.Text(ObjectFactory.IdentityKey) ?? "");
            foreach (var (list, defined) in catalog.ForNoun(noun)?.Defines ?? new Dictionary<string, string>())
            {
                foreach (var name in Values(ObjectFactory.Setting(obj).Value as YMap ?? new YMap(), list.Split('.')).OfType<YScalar>())
                {
                    Add(defined, name.Text);
                }
            }
        }

        return names;
    }

    /// <summary>Whether a name of the target noun exists; a Response Group name is looked up in the referring object's pool.</summary>
    private bool Exists(Dictionary<string, HashSet<string>> names, string target, string name, string referrer)
    {
        if (!names.TryGetValue(target, out var known))
        {
            return false;
        }

        if (catalog.ForNoun(target)?.Identity == IdentityRule.PoolObject)
        {
            var (pool, _) = LyncIdentity.SplitPoolObject(LyncIdentity.Parse(referrer));
            return known.Contains(LyncIdentity.PoolObject(RgsNormalizer.Role, pool, name).ToString());
        }

        return known.Contains(name);
    }

    /// <summary>The patterns the catalog says the type holds, each compiled and sampled.</summary>
    private static IEnumerable<Finding> Patterns(CatalogEntry? entry, string identity, YMap setting)
    {
        foreach (var (property, pattern) in (entry?.Patterns ?? []).SelectMany(path => PatternsAt(entry!, setting, path)))
        {
            if (pattern is not null && Invalid(pattern) is { } problem)
            {
                yield return new Finding(FindingKind.InvalidPattern, entry!.Noun, identity, property, problem);
            }
            else if (pattern is not null && PatternSample.NeverMatches(pattern) is { } never)
            {
                yield return new Finding(FindingKind.NeverMatches, entry!.Noun, identity, property, never);
            }
        }
    }

    /// <summary>
    /// The patterns at "NumberPattern" or "List.Pattern", each with the property a finding names: a rule of a keyed list
    /// by its key, as NormalizationRules[Name=Dublin-4digit].Pattern.
    /// </summary>
    private static IEnumerable<(string Property, string? Pattern)> PatternsAt(CatalogEntry entry, YMap setting, string path)
    {
        var dot = path.IndexOf('.');
        if (dot < 0)
        {
            return [(path, setting.Text(path))];
        }

        var (list, field) = (path[..dot], path[(dot + 1)..]);
        return Values(setting, [list]).OfType<YMap>().Select(rule =>
            (entry.KeyedLists.TryGetValue(list, out var key) ? $"{list}[{key}={rule.Text(key)}].{field}" : $"{list}.{field}", rule.Text(field)));
    }

    private static string? Invalid(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message.Split('\n')[0].Trim();
        }
    }

    /// <summary>A setting scoped to a site or a gateway the topology does not have.</summary>
    private IEnumerable<Finding> Scope(string noun, string identity, Dictionary<string, HashSet<string>> names)
    {
        // A Response Group object's Identity is its pool's service and its own name (Service:ApplicationServer:pool/Name), not a
        // scope; a file kept whole has a name of its own too.
        if (!identity.StartsWith("Site:", StringComparison.Ordinal) && !identity.StartsWith("Service:", StringComparison.Ordinal)
            || catalog.ForNoun(noun)?.Identity == IdentityRule.PoolObject || identity.Contains('/', StringComparison.Ordinal))
        {
            yield break;
        }

        var (site, service) = (catalog.Playing(ObjectRole.Site).Noun, catalog.Playing(ObjectRole.Service).Noun);
        var exists = identity.StartsWith("Site:", StringComparison.Ordinal)
            ? names.GetValueOrDefault(site, []).Contains(identity)
            : names.GetValueOrDefault(service, []).Contains(identity["Service:".Length..]);
        if (!exists && (names.ContainsKey(site) || names.ContainsKey(service)))
        {
            yield return new Finding(FindingKind.MissingScope, noun, identity, "Identity", identity);
        }
    }

    /// <summary>The values at a dotted path, lists transparent; "**" stands for any depth (a queue named in a call action anywhere in a workflow).</summary>
    private static IEnumerable<YNode> Values(YNode node, IReadOnlyList<string> path)
    {
        if (path.Count > 0 && path[0] == "**")
        {
            var rest = path.Skip(1).ToList();
            return Descendants(node).SelectMany(d => Values(d, rest));
        }

        if (node is YSeq seq)
        {
            return seq.Items.SelectMany(i => Values(i, path));
        }

        if (path.Count == 0)
        {
            return [node];
        }

        return node is YMap map && map[path[0]] is { } child ? Values(child, path.Skip(1).ToList()) : [];
    }

    private static IEnumerable<YNode> Descendants(YNode node) => node switch
    {
        YMap map => map.Entries.SelectMany(e => Descendants(e.Value)).Prepend(map),
        YSeq seq => seq.Items.SelectMany(Descendants),
        _ => [],
    };
}
