using System.Xml.Linq;
using LyncConfigVault.Model;

namespace LyncConfigVault.Formats.CliXml;

/// <summary>
/// Reads a CliXml document into <see cref="CliValue"/> trees, one per top-level value. RefIds are
/// resolved within the file; a &lt;Ref&gt; to a missing or still-open object is refused, not followed.
/// </summary>
internal sealed class CliXmlReader
{
    public const string Namespace = "http://schemas.microsoft.com/powershell/2004/04";
    private const int MaxDepth = 64;
    private const string DeserializedPrefix = "Deserialized.";

    private readonly string _where;
    private readonly Dictionary<string, CliObject> _objects = new(StringComparer.Ordinal);
    private readonly HashSet<CliObject> _open = [];
    private readonly Dictionary<string, List<string>> _typeNames = new(StringComparer.Ordinal);

    private CliXmlReader(string where) => _where = where;

    /// <summary>Whether an XML document is CliXml: an &lt;Objs&gt; root in the PowerShell namespace.</summary>
    public static bool IsCliXml(XDocument document) => document.Root?.Name == XName.Get("Objs", Namespace);

    public static List<CliValue> Read(byte[] bytes, string file, string entry) =>
        Read(SafeXml.Load(bytes, file, entry), file, entry);

    /// <summary>The values of a document already loaded safely (the caller looked at its root first).</summary>
    public static List<CliValue> Read(XDocument document, string file, string entry)
    {
        var where = $"{file} ({entry})";
        if (!IsCliXml(document))
        {
            throw LcvException.BadExport(where, $"has root <{document.Root!.Name.LocalName}>, not the PowerShell CliXml <Objs> a Response Group export writes.");
        }

        var reader = new CliXmlReader(where);
        return document.Root!.Elements().Select(e => reader.Value(e, 0)).ToList();
    }

    private CliValue Value(XElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw LcvException.BadExport(_where, $"nests objects more than {MaxDepth} deep: refused.");
        }

        return element.Name.LocalName switch
        {
            "Nil" => CliValue.Nil,
            "Obj" => Object(element, depth),
            "Ref" => Reference(element),
            var name => new CliPrimitive(name, name == "S" ? CliXmlEscaping.Decode(element.Value) : element.Value),
        };
    }

    private CliObject Reference(XElement element)
    {
        var id = (string?)element.Attribute("RefId") ?? "";
        if (!_objects.TryGetValue(id, out var target))
        {
            throw LcvException.BadExport(_where, $"has a <Ref RefId=\"{id}\"> to an object that does not exist in the file.");
        }

        if (_open.Contains(target))
        {
            throw LcvException.BadExport(_where, $"has a <Ref RefId=\"{id}\"> inside the object it points to (a reference cycle): refused.");
        }

        return target;
    }

    private CliObject Object(XElement element, int depth)
    {
        var obj = new CliObject();
        if ((string?)element.Attribute("RefId") is { } refId)
        {
            _objects[refId] = obj;
        }

        _open.Add(obj);
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "TN":
                    var names = child.Elements().Select(t => StripDeserialized(CliXmlEscaping.Decode(t.Value))).ToList();
                    _typeNames[(string?)child.Attribute("RefId") ?? ""] = names;
                    obj.TypeNames.AddRange(names);
                    break;
                case "TNRef":
                    var tnRef = (string?)child.Attribute("RefId") ?? "";
                    obj.TypeNames.AddRange(_typeNames.TryGetValue(tnRef, out var known)
                        ? known
                        : throw LcvException.BadExport(_where, $"has a <TNRef RefId=\"{tnRef}\"> to type names that were never written."));
                    break;
                case "ToString":
                    obj.ToStringText = CliXmlEscaping.Decode(child.Value);
                    break;
                case "LST" or "IE" or "STK" or "QUE":
                    obj.CollectionKind = child.Name.LocalName;
                    obj.Items.AddRange(child.Elements().Select(e => Value(e, depth + 1)));
                    break;
                case "DCT":
                    obj.CollectionKind = "DCT";
                    foreach (var entry in child.Elements())
                    {
                        var key = entry.Elements().FirstOrDefault(e => (string?)e.Attribute("N") == "Key");
                        var value = entry.Elements().FirstOrDefault(e => (string?)e.Attribute("N") == "Value");
                        obj.Entries.Add(new(key is null ? CliValue.Nil : Value(key, depth + 1), value is null ? CliValue.Nil : Value(value, depth + 1)));
                    }

                    break;
                case "Props":
                    obj.Properties.AddRange(Named(child, depth));
                    break;
                case "MS":
                    obj.Members.AddRange(Named(child, depth));
                    break;
                default:
                    obj.Value = Value(child, depth + 1) as CliPrimitive;
                    break;
            }
        }

        _open.Remove(obj);
        return obj;
    }

    private IEnumerable<KeyValuePair<string, CliValue>> Named(XElement container, int depth) =>
        container.Elements().Select(e => new KeyValuePair<string, CliValue>(CliXmlEscaping.Decode((string?)e.Attribute("N") ?? ""), Value(e, depth + 1))).ToList();

    private static string StripDeserialized(string typeName) =>
        typeName.StartsWith(DeserializedPrefix, StringComparison.Ordinal) ? typeName[DeserializedPrefix.Length..] : typeName;
}
