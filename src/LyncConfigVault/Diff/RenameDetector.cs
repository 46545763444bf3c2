using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Diff;

/// <summary>
/// Pairs a removed object with an added one of the same noun and scope when they hold the same
/// settings under a new Identity (similarity 1), or nearly the same (at least the threshold).
/// Similarity is the share of leaf values the two have in common, leaving out the Identity, the
/// CMS key and each object's own name wherever it appears (a route's Name is its Identity).
/// </summary>
internal sealed class RenameDetector(NoiseFilter filter, double threshold)
{
    /// <summary>Beyond this many removed × added pairs of one noun, only exact renames are looked for.</summary>
    private const int MaxPairs = 250_000;

    public sealed record Candidate(string Noun, string Identity, YMap Content);

    public sealed record Rename(Candidate Removed, Candidate Added, double Similarity);

    public List<Rename> Pair(IReadOnlyList<Candidate> removed, IReadOnlyList<Candidate> added)
    {
        var renames = new List<Rename>();
        foreach (var noun in removed.Select(r => r.Noun).Distinct())
        {
            var gone = removed.Where(r => r.Noun == noun).Select(Profile).ToList();
            var come = added.Where(a => a.Noun == noun).Select(Profile).ToList();
            if (come.Count == 0)
            {
                continue;
            }

            var scored = new List<(Profiled Old, Profiled New, double Score)>();
            var exactOnly = (long)gone.Count * come.Count > MaxPairs;
            foreach (var old in gone)
            {
                foreach (var candidate in come.Where(c => c.Scope == old.Scope))
                {
                    var score = old.Exact == candidate.Exact ? 1.0 : exactOnly ? 0 : Similarity(old.Leaves, candidate.Leaves);
                    if (score >= threshold)
                    {
                        scored.Add((old, candidate, score));
                    }
                }
            }

            var takenOld = new HashSet<Profiled>();
            var takenNew = new HashSet<Profiled>();
            foreach (var (old, candidate, score) in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Old.Item.Identity, StringComparer.Ordinal).ThenBy(s => s.New.Item.Identity, StringComparer.Ordinal))
            {
                if (!takenOld.Contains(old) && !takenNew.Contains(candidate))
                {
                    takenOld.Add(old);
                    takenNew.Add(candidate);
                    renames.Add(new Rename(old.Item, candidate.Item, Math.Round(score, 3)));
                }
            }
        }

        return renames;
    }

    private sealed record Profiled(Candidate Item, string Scope, string Exact, Dictionary<string, int> Leaves);

    private Profiled Profile(Candidate item)
    {
        var identity = LyncIdentity.Parse(item.Identity);
        var name = identity.Name ?? "";
        var leaves = new List<string>();
        foreach (var (key, value) in item.Content.Entries.Where(e => !ObjectFactory.LayoutKeys.Contains(e.Key)))
        {
            Flatten(item.Noun, value, key, name, leaves);
        }

        leaves.Sort(StringComparer.Ordinal);
        var counted = leaves.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new Profiled(item, identity.Scope, string.Join('\n', leaves), counted);
    }

    private void Flatten(string noun, YNode node, string path, string name, List<string> leaves)
    {
        if (filter.IsVolatile(noun, path))
        {
            return;
        }

        switch (node)
        {
            case YScalar scalar when scalar.Text != name:
                leaves.Add($"{path}={scalar.Text}");
                break;
            case YSeq seq:
                foreach (var item in seq.Items)
                {
                    Flatten(noun, item, path, name, leaves);
                }

                break;
            case YMap map:
                foreach (var (key, value) in map.Entries.Where(e => e.Key != ElementYamlMapper.OrderKey))
                {
                    Flatten(noun, value, $"{path}.{key}", name, leaves);
                }

                break;
        }
    }

    // Dice coefficient over the multisets of leaves: 1 for the same settings, 0 for nothing in common.
    private static double Similarity(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0)
        {
            return 1;
        }

        var common = a.Sum(leaf => Math.Min(leaf.Value, b.GetValueOrDefault(leaf.Key)));
        return 2.0 * common / total;
    }
}
