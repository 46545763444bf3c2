using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Diff;

/// <summary>
/// One side of a comparison seen through a <see cref="NameMap"/>: every value renamed, and every object
/// filed where its renamed Identity would be, so a lab and production compare object by object.
/// </summary>
internal sealed class MappedObjectSource : ObjectSource
{
    private readonly Dictionary<string, YMap> _objects = new(StringComparer.Ordinal);

    public MappedObjectSource(ObjectSource inner, NameMap map, LyncCatalog catalog)
    {
        Side = inner.Side;
        foreach (var path in inner.Files.Keys)
        {
            var original = inner.Read(path);
            var content = (YMap)map.Apply(original);
            var mapped = MappedPath(path, original, content, map, catalog);
            if (!_objects.TryAdd(mapped, content))
            {
                throw new LcvException($"The map renames two objects of {inner.Side.Revision} to the same {content.Text(ObjectFactory.NounKey)} {content.Text(ObjectFactory.IdentityKey)}: make its renames more specific.");
            }
        }

        Files = _objects.Keys.ToDictionary(p => p, p => string.Create(CultureInfo.InvariantCulture, $"mapped:{p}"), StringComparer.Ordinal);
    }

    public override DiffSide Side { get; }

    public override IReadOnlyDictionary<string, string> Files { get; }

    public override YMap Read(string path) => _objects.TryGetValue(path, out var content)
        ? content
        : throw new LcvException($"{path} is not in {Side.Revision}.");

    /// <summary>
    /// Where the renamed object is filed: by the catalog from its new Identity when the catalog files it
    /// that way, else each folder and file name of its path renamed (Response Group pools, LIS locations).
    /// </summary>
    private static string MappedPath(string path, YMap original, YMap content, NameMap map, LyncCatalog catalog)
    {
        var entry = catalog.ForNoun(original.Text(ObjectFactory.NounKey) ?? "");
        if (entry is not null && original.Text(ObjectFactory.IdentityKey) is { } before && content.Text(ObjectFactory.IdentityKey) is { } after)
        {
            try
            {
                if (VaultPaths.For(entry, LyncIdentity.Parse(before)) == path)
                {
                    return VaultPaths.For(entry, LyncIdentity.Parse(after));
                }
            }
            catch (LcvException)
            {
                // an Identity the catalog does not file by: rename the path itself
            }
        }

        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var name = last && segments[i].EndsWith(".yaml", StringComparison.Ordinal) ? segments[i][..^5] : segments[i];
            segments[i] = map.Apply(name) + (last && segments[i].EndsWith(".yaml", StringComparison.Ordinal) ? ".yaml" : "");
        }

        return string.Join('/', segments);
    }
}
