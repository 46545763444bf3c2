using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Vault;

/// <summary>
/// Finds an object's file from its noun and Identity, the way Lync matches them: case-insensitively.
/// The path comes from the catalog; when a snapshot spells it in another case, the folder is searched.
/// </summary>
internal sealed class ObjectLocator(LyncCatalog catalog)
{
    public CatalogEntry Entry(ObjectName name) =>
        catalog.ForNoun(name.Noun) ?? throw new LcvException($"'{name.Noun}' is not an object type lcv knows; try one of {Suggestions(name.Noun)}.");

    /// <summary>The object's vault path as the catalog derives it from the Identity.</summary>
    public string PathOf(ObjectName name) => VaultPaths.For(Entry(name), LyncIdentity.Parse(name.Identity));

    /// <summary>The object's path in this snapshot, matching case-insensitively; null when it is not there.</summary>
    public string? Find(Commit commit, ObjectName name)
    {
        var path = PathOf(name);
        if (commit[path]?.Target is Blob)
        {
            return path;
        }

        if (VaultPaths.OlderPath(Entry(name), LyncIdentity.Parse(name.Identity)) is { } older && commit[older]?.Target is Blob)
        {
            return older;   // a snapshot an older lcv wrote
        }

        var folder = Entry(name).Folder;
        return commit[folder]?.Target is Tree tree
            ? VaultLayout.ObjectFiles(tree, folder).Keys.FirstOrDefault(p => p.Equals(path, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    private string Suggestions(string noun)
    {
        var close = catalog.Entries.Select(e => e.Noun)
            .OrderBy(n => n.StartsWith(noun[..Math.Min(3, noun.Length)], StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .Take(5);
        return string.Join(", ", close);
    }
}
