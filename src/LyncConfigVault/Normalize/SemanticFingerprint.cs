using System.IO.Hashing;
using System.Text;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// A hash of what an object means, not of its bytes, under the <see cref="ChangeRules"/> the property differ
/// applies too: equal fingerprints = no change.
/// </summary>
internal sealed class SemanticFingerprint(LyncCatalog catalog, NoiseFilter filter)
{
    private readonly ChangeRules _rules = new(catalog, filter);

    public string Of(YMap content)
    {
        var noun = content.Text(ObjectFactory.NounKey) ?? "";
        var setting = ObjectFactory.SettingKey(content.Entries.Select(e => e.Key)) is { } key ? content[key] as YMap : null;
        var builder = new StringBuilder();
        _rules.Append(builder, content, "", _rules.EntryOf(noun), noun, setting);
        // Only ever compared with fingerprints of the same lcv (the cache names its version): a fast hash, not a cryptographic one.
        return Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
