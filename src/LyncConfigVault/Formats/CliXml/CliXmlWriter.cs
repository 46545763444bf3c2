using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LyncConfigVault.Formats.CliXml;

/// <summary>
/// Writes values as Export-Clixml does: numbered RefIds, a &lt;TNRef&gt; for type names written before,
/// _xHHHH_ escaping, two-space indent, no XML declaration; UTF-16 LE with a BOM (Windows PowerShell) or UTF-8.
/// </summary>
internal sealed class CliXmlWriter
{
    private static readonly XNamespace Ns = CliXmlReader.Namespace;
    private readonly Dictionary<string, int> _typeNames = new(StringComparer.Ordinal);
    private int _nextObject;

    public static byte[] Write(IEnumerable<CliValue> values, Encoding? encoding = null)
    {
        var writer = new CliXmlWriter();
        var root = new XElement(Ns + "Objs", new XAttribute("Version", "1.1.0.1"), values.Select(v => writer.Element(v, null)));
        var settings = new XmlWriterSettings
        {
            Encoding = encoding ?? new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            Indent = true,
            IndentChars = "  ",
            OmitXmlDeclaration = true,
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            root.WriteTo(xml);
        }

        return stream.ToArray();
    }

    private XElement Element(CliValue value, string? name)
    {
        var element = value switch
        {
            CliPrimitive p => new XElement(Ns + p.Element, p.Element == "S" ? CliXmlEscaping.Encode(p.Text) : p.Text),
            CliObject o => Object(o),
            _ => new XElement(Ns + "Nil"),
        };
        if (name is not null)
        {
            element.SetAttributeValue("N", CliXmlEscaping.Encode(name));
        }

        return element;
    }

    private XElement Object(CliObject obj)
    {
        var element = new XElement(Ns + "Obj");
        element.SetAttributeValue("RefId", (_nextObject++).ToString(CultureInfo.InvariantCulture));
        if (obj.TypeNames.Count > 0)
        {
            var key = string.Join('\n', obj.TypeNames);
            if (_typeNames.TryGetValue(key, out var known))
            {
                element.Add(new XElement(Ns + "TNRef", new XAttribute("RefId", known)));
            }
            else
            {
                _typeNames[key] = _typeNames.Count;
                element.Add(new XElement(Ns + "TN", new XAttribute("RefId", _typeNames[key]), obj.TypeNames.Select(t => new XElement(Ns + "T", CliXmlEscaping.Encode(t)))));
            }
        }

        if (obj.ToStringText is not null)
        {
            element.Add(new XElement(Ns + "ToString", CliXmlEscaping.Encode(obj.ToStringText)));
        }

        if (obj.Value is not null)
        {
            element.Add(Element(obj.Value, null));
        }

        if (obj.CollectionKind == "DCT")
        {
            element.Add(new XElement(Ns + "DCT", obj.Entries.Select(e => new XElement(Ns + "En", Element(e.Key, "Key"), Element(e.Value, "Value")))));
        }
        else if (obj.CollectionKind is not null)
        {
            element.Add(new XElement(Ns + obj.CollectionKind, obj.Items.Select(i => Element(i, null))));
        }

        if (obj.Properties.Count > 0)
        {
            element.Add(new XElement(Ns + "Props", obj.Properties.Select(p => Element(p.Value, p.Key))));
        }

        if (obj.Members.Count > 0)
        {
            element.Add(new XElement(Ns + "MS", obj.Members.Select(p => Element(p.Value, p.Key))));
        }

        return element;
    }
}
