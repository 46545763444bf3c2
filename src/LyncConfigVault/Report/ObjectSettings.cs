using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Rgs;

namespace LyncConfigVault.Report;

/// <summary>
/// Every value of a whole object, one (path, value) pair each, as the views list an added or removed
/// object: paths as Get-Cs* shows them (the setting's element left out), without the identity internals
/// (Key) or how the object sat in the export; an audio file as its name and size.
/// </summary>
internal static class ObjectSettings
{
    private static readonly HashSet<string> NotSettings = [ObjectFactory.IdentityKey, ObjectFactory.NounKey, ObjectFactory.KeyKey, ObjectFactory.ExportKey];

    public static IEnumerable<(string Path, string Value)> Of(YMap content)
    {
        var setting = ObjectFactory.SettingKey(content.Entries.Select(e => e.Key));
        foreach (var (key, value) in content.Entries.Where(e => !NotSettings.Contains(e.Key)))
        {
            foreach (var leaf in Leaves(value, key == setting ? "" : key))
            {
                yield return leaf;
            }
        }
    }

    private static IEnumerable<(string Path, string Value)> Leaves(YNode node, string path)
    {
        if (node is YMap map && AudioReference.From(map) is null)
        {
            return map.Entries.Where(e => e.Key != ElementYamlMapper.OrderKey)
                .SelectMany(e => Leaves(e.Value, path.Length == 0 ? e.Key : $"{path}.{e.Key}"));
        }

        return [(path.Length == 0 ? "(value)" : path, ValueText.Of(node))];
    }
}
