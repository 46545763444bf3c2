using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>
/// .lcv/filters.yaml: the noise rules, each with its reason. 'managed' is rewritten by lcv from its
/// catalog; 'custom' belongs to the admin and is never touched.
/// </summary>
internal static class FiltersFile
{
    private const string Header = """
        # LyncConfigVault noise filters: which values are not configuration changes, and why.
        #   drop      removed before storing (noise with no configuration meaning)
        #   volatile  kept in the file, never counted as a change
        #   secret    replaced by its SHA-256 before storing
        # noun: a Get-Cs noun without Cs (VoicePolicy), '*' for all.
        # path: keys inside the object file joined by '.', '*' = one key, '**' = any depth (VoicePolicy.Description).
        # 'managed' is rewritten by lcv from its catalog: put your own rules under 'custom', each with a reason.

        """;

    public static string Write(LyncCatalog catalog, IReadOnlyList<NoiseRule> custom) =>
        Header + YamlText.Write(new YMap()
            .Add("managed", Rules(NoiseFilter.ManagedRules(catalog)))
            .Add("custom", Rules(custom)));

    /// <summary>The managed rules of this lcv version plus the admin's custom rules from the file.</summary>
    public static NoiseFilter Read(string path, LyncCatalog catalog) => Parse(File.ReadAllText(path), path, catalog);

    /// <summary>The rules of a filters file's text (as a snapshot holds it): this lcv version's managed rules and the custom ones.</summary>
    public static NoiseFilter Parse(string text, string path, LyncCatalog catalog) =>
        new([.. NoiseFilter.ManagedRules(catalog), .. Custom(YamlText.Read(text, path), path).Select(r => AsStored(r, catalog))]);

    private static IReadOnlyList<NoiseRule> Custom(YMap map, string path)
    {
        var rules = new List<NoiseRule>();
        var custom = map["custom"] as YSeq;
        for (var i = 0; i < (custom?.Items.Count ?? 0); i++)
        {
            var rule = custom!.Items[i] as YMap ?? throw LcvException.BadFile(path, $"custom rule {i + 1} is not a mapping of kind, noun, path and reason.");
            var kind = rule.Text("kind");
            if (!Enum.TryParse<NoiseKind>(kind, ignoreCase: true, out var parsed))
            {
                throw LcvException.BadFile(path, $"custom rule {i + 1} has kind '{kind}'; use drop, volatile or secret.");
            }

            var reason = rule.Text("reason");
            if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(rule.Text("path")))
            {
                throw LcvException.BadFile(path, $"custom rule {i + 1} needs a path and a reason: say why the value is noise.");
            }

            rules.Add(new NoiseRule(parsed, rule.Text("noun") ?? "*", rule.Text("path")!, reason));
        }

        return rules;
    }

    /// <summary>
    /// A rule written the way the files read (DialPlan.Description) matches the way objects are held
    /// (LocationProfile.Description): the vault file names the settings after the noun.
    /// </summary>
    private static NoiseRule AsStored(NoiseRule rule, LyncCatalog catalog) =>
        ObjectFile.ElementOf(catalog, rule.Noun) is { } element && element != rule.Noun && rule.Path.StartsWith(rule.Noun + ".", StringComparison.Ordinal)
            ? rule with { Path = element + rule.Path[rule.Noun.Length..] }
            : rule;

    private static YSeq Rules(IEnumerable<NoiseRule> rules) =>
        new(rules.Select(r => (YNode)new YMap()
            .Add("kind", r.Kind.ToString().ToLowerInvariant())
            .Add("noun", r.Noun)
            .Add("path", r.Path)
            .Add("reason", r.Reason)));
}
