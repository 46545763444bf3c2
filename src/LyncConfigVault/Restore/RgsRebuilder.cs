using System.Globalization;
using System.Xml;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Formats.CliXml;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Rgs;

namespace LyncConfigVault.Restore;

/// <summary>
/// The vault files of one pool's Response Groups → an archive Import-CsRgsConfiguration takes: the
/// eight CliXml files of RgsImportExport/ rebuilt from the readable YAML and its shapes, and the audio
/// files from .lcv/blobs under RGS/Instances/&lt;owner guid&gt;/.
/// </summary>
internal sealed class RgsRebuilder(LyncCatalog catalog, Func<string, byte[]?> blob)
{
    private static readonly string[] StandardFiles =
        ["Workflows.xml", "Queues.xml", "AgentGroups.xml", "HoursOfBusiness.xml", "HolidaySets.xml", "Configuration.xml", "Agents.xml", "Managers.xml"];

    private readonly List<(string Entry, byte[] Bytes)> _audio = [];

    public byte[] Archive(IEnumerable<YMap> objects, DateTimeOffset exportTime)
    {
        var files = StandardFiles.ToDictionary(f => "RgsImportExport/" + f, _ => new List<CliValue>(), StringComparer.OrdinalIgnoreCase);
        foreach (var obj in objects.OrderBy(o => o.Text(ObjectFactory.IdentityKey), StringComparer.Ordinal))
        {
            var export = obj[ObjectFactory.ExportKey] as YMap ?? new YMap();
            if (catalog.RoleOf(obj.Text(ObjectFactory.NounKey) ?? "") == ObjectRole.RgsAudio)
            {
                Unreferenced(obj, export);
                continue;
            }

            if (export.Text("File") is not { } file || ObjectFactory.Setting(obj) is not { Key: not null } setting)
            {
                continue;
            }

            if (!files.TryGetValue(file, out var values))
            {
                files[file] = values = [];
            }

            var shapes = new ShapeReader(export, export.Text("InstanceId"));
            if (setting.Value is YSeq list)
            {
                values.AddRange(list.Items.Select((item, i) => Build(item, $"[{i}]", shapes)));   // Agents.xml, Managers.xml, unknown CliXml files
            }
            else if (setting.Value is YMap map)
            {
                values.Add(Root(map, export, shapes));
            }
        }

        var entries = files.Select(f => (f.Key, CliXmlWriter.Write(f.Value)));
        return ZipWriter.Write(exportTime, entries.Concat(_audio.DistinctBy(a => a.Entry)));
    }

    private CliObject Root(YMap setting, YMap export, ShapeReader shapes)
    {
        var root = (CliObject)Build(setting, "", shapes);
        if (export.Text("FullName") is { } fullName)
        {
            var index = root.Properties.FindIndex(p => p.Key == "Name");
            if (index >= 0)
            {
                root.Properties[index] = new("Name", new CliPrimitive("S", fullName));
            }
        }

        if (shapes.Has("Identity"))
        {
            root.Properties.Add(new("Identity", Build(new YScalar(""), "Identity", shapes)));
            root.Properties.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        return root;
    }

    private CliValue Build(YNode node, string path, ShapeReader shapes)
    {
        var (form, typeNames, rest) = shapes.Shape(path, node);
        switch (form)
        {
            case "Nil" or "SS":
                return CliValue.Nil;
            case "Ref":
                return Hidden(path, shapes, typeNames, null);
            case "Audio":
                var audio = Hidden(path, shapes, typeNames, node as YMap);
                AudioBytes(node as YMap, audio, shapes.Owner);
                return audio;
            case "Enum":
                var parts = rest.Split(' ', 2);
                var enumObject = Typed(typeNames, (node as YScalar)?.Text);
                enumObject.Value = new CliPrimitive(parts[0], parts.Length > 1 ? parts[1] : "");
                return enumObject;
            case "LST" or "IE" or "STK" or "QUE":
                var collection = Typed(typeNames, shapes.ToStringOf(path));
                collection.CollectionKind = form;
                collection.Items.AddRange(((node as YSeq)?.Items ?? []).Select((item, i) => Build(item, $"{path}[{i}]", shapes)));
                return collection;
            case "DCT":
                var dictionary = Typed(typeNames, shapes.ToStringOf(path));
                dictionary.CollectionKind = "DCT";
                foreach (var (key, value) in (node as YMap)?.Entries ?? [])
                {
                    dictionary.Entries.Add(new(new CliPrimitive("S", key), Build(value, $"{path}[{key}]", shapes)));
                }

                return dictionary;
            case "Obj":
                var obj = Typed(typeNames, shapes.ToStringOf(path));
                var prefix = path.Length == 0 ? "" : path + ".";
                var properties = ((node as YMap)?.Entries ?? []).Select(e => (e.Key, Value: Build(e.Value, prefix + e.Key, shapes)))
                    .Concat(shapes.NilChildren(path).Select(name => (Key: name, Value: (CliValue)CliValue.Nil)))
                    .OrderBy(p => p.Key, StringComparer.Ordinal);
                foreach (var (name, value) in properties)
                {
                    (shapes.IsMember(prefix + name) ? obj.Members : obj.Properties).Add(new(name, value));
                }

                return obj;
            case "TS":
                return new CliPrimitive("TS", XmlConvert.ToString(Duration((node as YScalar)?.Text ?? "")));
            case "DT":
                // The original text (with its kind suffix) when the wall-clock time is still the stored one.
                var text = (node as YScalar)?.Text ?? "";
                return new CliPrimitive("DT", rest.StartsWith(text, StringComparison.Ordinal) ? rest : text);
            default:
                return new CliPrimitive(form, (node as YScalar)?.Text ?? "");
        }
    }

    private static CliObject Typed(List<string> typeNames, string? toString)
    {
        var obj = new CliObject { ToStringText = toString };
        obj.TypeNames.AddRange(typeNames);
        return obj;
    }

    /// <summary>An identity, reference or audio file: its hidden properties back, plus the shown file name of an audio file.</summary>
    private static CliObject Hidden(string path, ShapeReader shapes, List<string> typeNames, YMap? shown)
    {
        var obj = Typed(typeNames, shapes.ToStringOf(path));
        var properties = shapes.HiddenOf(path).Select(p => (p.Key, Value: Primitive(p.Value)));
        if (shown?.Text("OriginalFileName") is { } original)
        {
            properties = properties.Append(("OriginalFileName", new CliPrimitive("S", original)));
        }

        obj.Properties.AddRange(properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, CliValue>(p.Key, p.Value)));
        return obj;
    }

    private static CliValue Primitive(string encoded)
    {
        var space = encoded.IndexOf(' ');
        return encoded == "Nil" ? CliValue.Nil : new CliPrimitive(space < 0 ? encoded : encoded[..space], space < 0 ? "" : encoded[(space + 1)..]);
    }

    private void AudioBytes(YMap? shown, CliObject audio, string? owner)
    {
        if (shown?.Text("Sha256") is not { } sha || blob(sha) is not { } bytes)
        {
            return;
        }

        var unique = audio.Text("UniqueName") ?? sha;
        var extension = Path.GetExtension(audio.Text("OriginalFileName") ?? "");
        var folder = owner is null ? "RgsImportExport/RGS/Instances/" : $"RgsImportExport/RGS/Instances/{owner}/";
        _audio.Add((folder + unique + extension, bytes));
    }

    private void Unreferenced(YMap obj, YMap export)
    {
        var files = ((obj["Audio"] as YMap)?["Unreferenced"] as YSeq)?.Items.OfType<YMap>().ToList() ?? [];
        var entries = (export["Entries"] as YSeq)?.Items.OfType<YScalar>().Select(s => s.Text).ToList() ?? [];
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            if (file.Text("Sha256") is { } sha && blob(sha) is { } bytes)
            {
                _audio.Add((i < entries.Count ? entries[i] : $"RgsImportExport/RGS/Instances/{file.Text("FileName")}", bytes));
            }
        }
    }

    /// <summary>HH:mm, HH:mm:ss or d.HH:mm back to a TimeSpan.</summary>
    private static TimeSpan Duration(string text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.Zero;
}
