using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Applies the vault's noise rules to an object before it is stored: drops noise, redacts secrets
/// (and anything that looks like key material, FORMATS.md §2.9). Volatile values stay; the
/// fingerprint ignores them.
/// </summary>
internal sealed partial class NoiseFilter(IReadOnlyList<NoiseRule> rules)
{
    public const string RedactedPrefix = "redacted:sha256:";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, NoiseRule[]> _volatileByNoun = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<NoiseRule>> _storingByNoun = new();

    public IReadOnlyList<NoiseRule> Rules { get; } = rules;

    public static NoiseFilter FromCatalog(LyncCatalog catalog) => new(ManagedRules(catalog));

    /// <summary>The rules lcv derives from its catalog: the managed block of .lcv/filters.yaml.</summary>
    public static IReadOnlyList<NoiseRule> ManagedRules(LyncCatalog catalog)
    {
        var rules = new List<NoiseRule>
        {
            new(NoiseKind.Volatile, "*", "Export", "Where the object sat in the export file and its concurrency Signature: rewritten whenever Lync saves the item, not configuration (FORMATS.md §2.9)."),
            new(NoiseKind.Secret, "*", "**.*Password*", "Passwords are never stored; their SHA-256 still shows when one changed."),
            new(NoiseKind.Secret, "*", "**.*PrivateKey*", "Key material is never stored; its SHA-256 still shows when it changed."),
        };
        foreach (var entry in catalog.Entries)
        {
            rules.AddRange(entry.Volatile.Where(p => p != "Export").Select(p => new NoiseRule(NoiseKind.Volatile, entry.Noun, p, $"Catalog: {entry.Noun} rewrites {p} without a configuration change.")));
            rules.AddRange(entry.Dropped.Select(p => new NoiseRule(NoiseKind.Drop, entry.Noun, p, $"Catalog: {p} is derived noise in {entry.Noun}.")));
            rules.AddRange(entry.Secret.Select(p => new NoiseRule(NoiseKind.Secret, entry.Noun, p, $"Catalog: {p} of {entry.Noun} is a secret.")));
        }

        return rules;
    }

    public void Apply(string noun, YMap content)
    {
        var applicable = _storingByNoun.GetOrAdd(noun, n => Rules.Where(r => r.Kind != NoiseKind.Volatile && r.AppliesTo(n)).ToList());
        Walk(content, "", applicable);
    }

    public bool IsVolatile(string noun, string path) =>
        _volatileByNoun.GetOrAdd(noun, n => Rules.Where(r => r.Kind == NoiseKind.Volatile && r.AppliesTo(n)).ToArray()).Any(r => r.Matches(path));

    private static void Walk(YMap map, string prefix, List<NoiseRule> rules)
    {
        foreach (var (key, value) in map.Entries.ToList())
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            var rule = rules.FirstOrDefault(r => r.Matches(path));
            if (rule?.Kind == NoiseKind.Drop)
            {
                map.Remove(key);
            }
            else if (rule?.Kind == NoiseKind.Secret || (value is YScalar s && LooksLikeKeyMaterial(s.Text)))
            {
                map.Set(key, Redact(value));
            }
            else
            {
                WalkValue(value, path, rules);
            }
        }
    }

    private static void WalkValue(YNode value, string path, List<NoiseRule> rules)
    {
        switch (value)
        {
            case YMap child:
                Walk(child, path, rules);
                break;
            case YSeq seq:
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    if (seq.Items[i] is YScalar s && LooksLikeKeyMaterial(s.Text))
                    {
                        seq.Items[i] = Redact(s);
                    }
                    else
                    {
                        WalkValue(seq.Items[i], path, rules);
                    }
                }

                break;
        }
    }

    private static YNode Redact(YNode value)
    {
        var text = value is YScalar s ? s.Text : YamlText.Write(new YMap().Add("v", value));
        if (text.StartsWith(RedactedPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        return new YScalar(RedactedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    // PEM blocks, and long unbroken base64 (a PFX or a certificate blob), never belong in Git.
    private static bool LooksLikeKeyMaterial(string text) =>
        text.Contains("-----BEGIN", StringComparison.Ordinal) || (text.Length >= 256 && Base64Blob().IsMatch(text));

    [GeneratedRegex(@"^[A-Za-z0-9+/\r\n]+={0,2}$")]
    private static partial Regex Base64Blob();
}
