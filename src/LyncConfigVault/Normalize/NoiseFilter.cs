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

    // Objects of one noun share their key paths, so each (noun, path) is matched against the rules once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Noun, string Path), bool> _volatile = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Noun, string Path), NoiseRule?> _storing = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _candidateKeys = new();

    public IReadOnlyList<NoiseRule> Rules { get; } = rules;

    public static NoiseFilter FromCatalog(LyncCatalog catalog) => new(ManagedRules(catalog));

    /// <summary>The rules lcv derives from its catalog: the managed block of .lcv/filters.yaml.</summary>
    public static IReadOnlyList<NoiseRule> ManagedRules(LyncCatalog catalog)
    {
        var rules = new List<NoiseRule>
        {
            new(NoiseKind.Volatile, "*", "Export", "Where the object sat in the export file and its concurrency Signature: rewritten whenever Lync saves the item, not configuration (FORMATS.md §2.9)."),
            new(NoiseKind.Volatile, "*", "**.Value.Signature", "An item's concurrency Signature inside a document lcv keeps whole (cms/other): rewritten whenever Lync saves the item (FORMATS.md §2.9)."),
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

    public void Apply(string noun, YMap content) => Walk(content, [], noun);

    public bool IsVolatile(string noun, string path) =>
        _volatile.GetOrAdd((noun, path), key => Rules.Any(r => r.Kind == NoiseKind.Volatile && r.AppliesTo(key.Noun) && r.Matches(key.Path)));

    private NoiseRule? StoringRule(string noun, List<string> keys, string key)
    {
        // Most keys can end no rule's path: only then is the dotted path built and matched.
        if (!_candidateKeys.GetOrAdd(key, k => Rules.Any(r => r.Kind != NoiseKind.Volatile && r.CouldEndWith(k))))
        {
            return null;
        }

        var path = keys.Count == 0 ? key : $"{string.Join('.', keys)}.{key}";
        return _storing.GetOrAdd((noun, path), p => Rules.FirstOrDefault(r => r.Kind != NoiseKind.Volatile && r.AppliesTo(p.Noun) && r.Matches(p.Path)));
    }

    private void Walk(YMap map, List<string> keys, string noun)
    {
        // Backwards by index: a dropped key only shifts the entries already visited.
        for (var i = map.Count - 1; i >= 0; i--)
        {
            var (key, value) = map.Entries[i];
            var rule = StoringRule(noun, keys, key);
            if (rule?.Kind == NoiseKind.Drop)
            {
                map.Remove(key);
            }
            else if (rule?.Kind == NoiseKind.Secret || (value is YScalar s && LooksLikeKeyMaterial(s.Text)))
            {
                map.Set(key, Redact(value));
            }
            else if (value is not YScalar)
            {
                keys.Add(key);
                WalkValue(value, keys, noun);
                keys.RemoveAt(keys.Count - 1);
            }
        }
    }

    private void WalkValue(YNode value, List<string> keys, string noun)
    {
        switch (value)
        {
            case YMap child:
                Walk(child, keys, noun);
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
                        WalkValue(seq.Items[i], keys, noun);
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
