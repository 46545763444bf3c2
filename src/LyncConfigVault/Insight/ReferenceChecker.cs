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
    private static readonly string[] PatternLists = ["NormalizationRules", "OutboundTranslationRulesList", "OutboundCallingNumberTranslationRulesList"];

    /// <param name="parts">The vault parts to read (a diff against export files covers only theirs); all when null.</param>
    public List<Finding> Check(ObjectSource source, IReadOnlyCollection<string>? parts = null)
    {
        // User data names nothing the checks follow, and a large pool would cost every run its memory.
        var objects = (List<YMap>)source.ReadMany((parts ?? VaultLayout.Parts).Where(p => p != "users").SelectMany(p => source.FilesUnder(p)).Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)));
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

            findings.AddRange(Patterns(noun, identity, setting));
            findings.AddRange(Scope(noun, identity, names));
            if (noun == "LisLocation" && identity == LisNormalizer.Unmapped)
            {
                findings.AddRange(setting.Entries.Where(e => e.Value is YSeq { Items.Count: > 0 }).Select(e => new Finding(FindingKind.MissingReference, noun, identity, e.Key, $"LisLocation ({((YSeq)e.Value).Items.Count} entries point at a location that does not exist)")));
            }
        }

        findings.AddRange(Grants(source, parts, names));
        var carried = objects.Where(o => o.Text(ObjectFactory.NounKey) == "VoiceRoute")
            .SelectMany(o => Values(ObjectFactory.Setting(o).Value as YMap ?? new YMap(), ["PstnUsages"]).OfType<YScalar>().Select(s => s.Text))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        findings.AddRange(names.GetValueOrDefault("PstnUsage", []).Where(u => !carried.Contains(u)).Order(StringComparer.Ordinal)
            .Select(u => new Finding(FindingKind.UnusedUsage, "PstnUsages", "Global", "Usage", u)));
        return findings;
    }

    /// <summary>Users granted a per-user policy that does not exist: one finding per pool and policy, with the count.</summary>
    private static IEnumerable<Finding> Grants(ObjectSource source, IReadOnlyCollection<string>? parts, Dictionary<string, HashSet<string>> names)
    {
        if (parts is not null && !parts.Any(p => p == "users" || p.StartsWith("users/", StringComparison.Ordinal)) || !names.ContainsKey("VoicePolicy"))
        {
            yield break;   // without the CMS side there is nothing to hold the grants against
        }

        foreach (var (pool, property, policy, users) in UserAssignments.From(source).Grants().OrderBy(g => g.Pool, StringComparer.Ordinal).ThenBy(g => g.Property, StringComparer.Ordinal).ThenBy(g => g.Policy, StringComparer.Ordinal))
        {
            if (UserPolicies.Nouns.TryGetValue(property, out var noun) && policy.StartsWith("Tag:", StringComparison.OrdinalIgnoreCase) && !names.GetValueOrDefault(noun, []).Contains(policy))
            {
                yield return new Finding(FindingKind.MissingReference, Normalize.Users.UserPolicyNormalizer.Noun, pool, $"{property} ({users:N0} {(users == 1 ? "user" : "users")})", $"{noun} {policy}") { Users = users };
            }
        }
    }

    /// <summary>Target noun → the names objects of it have: Identities, usages for PstnUsage, and pool-relative names for Response Groups.</summary>
    private static Dictionary<string, HashSet<string>> Names(List<YMap> objects)
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
            if (noun == "PstnUsages")
            {
                foreach (var usage in Values(ObjectFactory.Setting(obj).Value as YMap ?? new YMap(), ["Usage"]).OfType<YScalar>())
                {
                    Add("PstnUsage", usage.Text);
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

    private static IEnumerable<Finding> Patterns(string noun, string identity, YMap setting)
    {
        var patterns = PatternLists.SelectMany(list => Values(setting, [list]).OfType<YMap>().Select(rule => ($"{list}[Name={rule.Text("Name")}].Pattern", rule.Text("Pattern"))))
            .Append(("NumberPattern", noun == "VoiceRoute" ? setting.Text("NumberPattern") : null));
        foreach (var (property, pattern) in patterns)
        {
            if (pattern is not null && Invalid(pattern) is { } problem)
            {
                yield return new Finding(FindingKind.InvalidPattern, noun, identity, property, problem);
            }
            else if (pattern is not null && PatternSample.NeverMatches(pattern) is { } never)
            {
                yield return new Finding(FindingKind.NeverMatches, noun, identity, property, never);
            }
        }
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
    private static IEnumerable<Finding> Scope(string noun, string identity, Dictionary<string, HashSet<string>> names)
    {
        if (!identity.StartsWith("Site:", StringComparison.Ordinal) && !identity.StartsWith("Service:", StringComparison.Ordinal) || noun.StartsWith("Rgs", StringComparison.Ordinal))
        {
            yield break;
        }

        var exists = identity.StartsWith("Site:", StringComparison.Ordinal)
            ? names.GetValueOrDefault("Site", []).Contains(identity)
            : names.GetValueOrDefault("Service", []).Contains(identity["Service:".Length..]);
        if (!exists && (names.ContainsKey("Site") || names.ContainsKey("Service")))
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
