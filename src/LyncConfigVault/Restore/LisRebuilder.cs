using System.Text;
using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Lis;

namespace LyncConfigVault.Restore;

/// <summary>
/// The vault files under lis/ → LisConfiguration.xml in the layout they were read from (FORMATS.md §5.3):
/// each location with its id, and every mapped element pointing back at it. Import-CsLisConfiguration
/// adds what is missing but never deletes records added since (§5.1): restore notes must say so.
/// </summary>
internal sealed class LisRebuilder(LyncCatalog catalog)
{
    public const string EntryName = "LisConfiguration.xml";

    // The elements a location's lists hold: looked up once, not per list of every location.
    private readonly List<CatalogEntry> _lists = catalog.SplitOutOf(ExportKinds.Of(ExportKind.Lis).Part);

    public byte[] Archive(IEnumerable<YMap> objects, DateTimeOffset exportTime)
    {
        var all = objects.ToList();
        var ns = all.Select(o => (o[ObjectFactory.ExportKey] as YMap)?.Text("Namespace")).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? "";
        var root = new XElement(XName.Get("LisConfiguration", ns));
        foreach (var obj in all.OrderBy(o => o.Text(ObjectFactory.IdentityKey), StringComparer.Ordinal))
        {
            switch (catalog.RoleOf(obj.Text(ObjectFactory.NounKey) ?? ""))
            {
                case ObjectRole.LisLocation:
                    Location(root, obj, ns);
                    break;
                case ObjectRole.LisOther:
                    var setting = ObjectFactory.Setting(obj);
                    root.Add(((YSeq)setting.Value).Items.Select(i => ElementYamlMapper.ToXml(setting.Key, i, ns)));
                    break;
                case ObjectRole.LisServiceProvider:
                    var provider = ObjectFactory.Setting(obj);
                    root.Add(ElementYamlMapper.ToXml(provider.Key, provider.Value, ns));
                    break;
            }
        }

        return ZipWriter.Write(exportTime, [(EntryName, Encoding.UTF8.GetBytes(root.ToString()))]);
    }

    private void Location(XElement root, YMap obj, string ns)
    {
        var setting = obj["Location"] as YMap ?? new YMap();
        var id = (obj[ObjectFactory.ExportKey] as YMap)?.Text(LisNormalizer.LocationIdAttribute);
        if (obj.Text(ObjectFactory.IdentityKey) != LisNormalizer.Unmapped)
        {
            var location = new XElement(XName.Get("Location", ns));
            if (id is not null)
            {
                location.SetAttributeValue(LisNormalizer.LocationIdAttribute, id);
            }

            foreach (var (key, value) in setting.Entries.Where(e => e.Value is YScalar))
            {
                location.SetAttributeValue(key, ((YScalar)value).Text);
            }

            root.Add(location);
        }

        foreach (var (list, value) in setting.Entries.Where(e => e.Value is YSeq))
        {
            var entry = _lists.FirstOrDefault(e => e.Folder == list);
            var name = entry?.Elements[0] ?? (list.EndsWith('s') ? list[..^1] : list);
            foreach (var item in ((YSeq)value).Items.OfType<YMap>())
            {
                var copy = new YMap();
                foreach (var (key, field) in item.Entries.Where(e => !(entry?.IdentitySource?.Contains(',') == true && e.Key == name)))
                {
                    copy.Add(key, field);
                }

                var element = ElementYamlMapper.ToXml(name, copy, ns);
                if (id is not null)
                {
                    element.SetAttributeValue(LisNormalizer.LocationIdAttribute, id);
                }

                root.Add(element);
            }
        }
    }
}
