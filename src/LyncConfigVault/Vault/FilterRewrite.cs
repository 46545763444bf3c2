using System.Globalization;
using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>
/// What a change of .lcv/filters.yaml since the last snapshot does to the stored files: a drop rule added
/// makes the next run store objects without a value, one removed stores it again. Those objects changed
/// because the settings did, not because an admin changed Lync: this tells them apart, and says so in
/// words ("filter rule added: VoicePolicy.EnableTeamCall no longer stored (26 objects)").
/// </summary>
internal sealed class FilterRewrite
{
    private readonly NoiseFilter _before;
    private readonly NoiseFilter _after;
    private readonly SemanticFingerprint _beforePrint;
    private readonly SemanticFingerprint _afterPrint;
    private readonly List<(string Verb, NoiseRule Rule)> _rules;

    private FilterRewrite(LyncCatalog catalog, NoiseFilter before, NoiseFilter after)
    {
        _before = before;
        _after = after;
        _beforePrint = new SemanticFingerprint(catalog, before);
        _afterPrint = new SemanticFingerprint(catalog, after);
        // By what they do (kind, noun, path): the reason may be reworded without rewriting anything.
        static (NoiseKind, string, string) Key(NoiseRule r) => (r.Kind, r.Noun, r.Path);
        var old = before.Rules.Where(r => r.Kind != NoiseKind.Volatile).Select(Key).ToHashSet();
        var now = after.Rules.Where(r => r.Kind != NoiseKind.Volatile).Select(Key).ToHashSet();
        _rules =
        [
            .. after.Rules.Where(r => r.Kind != NoiseKind.Volatile && !old.Contains(Key(r))).Select(r => ("added", r)),
            .. before.Rules.Where(r => r.Kind != NoiseKind.Volatile && !now.Contains(Key(r))).Select(r => ("removed", r)),
        ];
    }

    /// <summary>The rewrite between the filters of <paramref name="snapshot"/> (the last run's) and <paramref name="now"/>; null when no storing rule changed.</summary>
    public static FilterRewrite? Since(Commit? snapshot, NoiseFilter now, LyncCatalog catalog)
    {
        if (snapshot?[VaultLayout.FiltersFile]?.Target is not Blob blob)
        {
            return null;
        }

        var rewrite = new FilterRewrite(catalog, FiltersFile.Parse(blob.GetContentText(), VaultLayout.FiltersFile, catalog), now);
        return rewrite._rules.Count == 0 ? null : rewrite;
    }

    /// <summary>
    /// Whether the filters alone explain the change from <paramref name="stored"/> to <paramref name="read"/>: the
    /// new rules applied to the stored file give what was read, or the old rules applied to what was read give the stored file.
    /// </summary>
    public bool Explains(string noun, YMap stored, YMap read)
    {
        var dropped = (YMap)stored.DeepCopy();
        _after.Apply(noun, dropped);
        if (_afterPrint.Of(dropped) == _afterPrint.Of(read))
        {
            return true;
        }

        var again = (YMap)read.DeepCopy();
        _before.Apply(noun, again);
        return _beforePrint.Of(again) == _beforePrint.Of(stored);
    }

    /// <summary>"filter rule added: VoicePolicy.EnableTeamCall no longer stored (26 objects)".</summary>
    public string Describe(int objects)
    {
        var rules = _rules.Select(r => $"filter rule {r.Verb}: {Path(r.Rule)} {Effect(r.Verb, r.Rule.Kind)}");
        return string.Create(CultureInfo.InvariantCulture, $"{string.Join("; ", rules)} ({objects} {(objects == 1 ? "object" : "objects")})");
    }

    /// <summary>"VoicePolicy EnableTeamCall": the value as a diff names it (without the setting's element), after its noun.</summary>
    private static string Path(NoiseRule rule)
    {
        var dot = rule.Path.IndexOf('.');
        var shown = dot > 0 && !rule.Path[..dot].Contains('*') ? rule.Path[(dot + 1)..] : rule.Path;
        return rule.Noun == "*" ? shown : $"{rule.Noun} {shown}";
    }

    private static string Effect(string verb, NoiseKind kind) => (verb, kind) switch
    {
        ("added", NoiseKind.Drop) => "no longer stored",
        ("added", _) => "stored as its hash",
        ("removed", NoiseKind.Drop) => "stored again",
        _ => "stored as it is again",
    };
}
