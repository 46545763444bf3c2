using System.Xml;

namespace LyncConfigVault.Formats;

/// <summary>
/// An XmlReader that refuses structure no Lync export has, before any code walks it: nesting deeper than
/// <see cref="MaxDepth"/> (the normalizers recurse, and a file must not drive them into a stack overflow),
/// names longer than <see cref="MaxNameLength"/> (they become YAML keys and file names), more than
/// <see cref="MaxAttributes"/> attributes on one element, and values over <see cref="MaxValueChars"/>.
/// </summary>
internal sealed class BoundedXmlReader(XmlReader inner, string where) : XmlReader
{
    // A CMS setting sits about 12 levels down, an IVR question of a Response Group about 30: far from these.
    public const int MaxDepth = 64;
    public const int MaxNameLength = 256;
    public const int MaxAttributes = 512;
    public const int MaxValueChars = 4 << 20;

    private readonly List<string> _path = [];

    public override int AttributeCount => inner.AttributeCount;

    public override string BaseURI => inner.BaseURI;

    public override int Depth => inner.Depth;

    public override bool EOF => inner.EOF;

    public override bool IsEmptyElement => inner.IsEmptyElement;

    public override string LocalName => inner.LocalName;

    public override string NamespaceURI => inner.NamespaceURI;

    public override XmlNameTable NameTable => inner.NameTable;

    public override XmlNodeType NodeType => inner.NodeType;

    public override string Prefix => inner.Prefix;

    public override ReadState ReadState => inner.ReadState;

    public override string Value => inner.Value;

    public override bool HasValue => inner.HasValue;

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => inner.ResolveEntity();

    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }

        switch (inner.NodeType)
        {
            case XmlNodeType.Element:
                Element();
                break;
            case XmlNodeType.EndElement:
                _path.RemoveAt(_path.Count - 1);
                break;
            case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when inner.Value.Length > MaxValueChars:
                throw Refused($"holds a value of {inner.Value.Length:N0} characters, more than the {MaxValueChars:N0} any Lync setting has");
        }

        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Element()
    {
        var name = inner.LocalName;
        if (name.Length > MaxNameLength)
        {
            throw Refused($"has an element whose name is {name.Length:N0} characters long (at most {MaxNameLength})", name[..40] + "…");
        }

        if (inner.Depth >= MaxDepth)
        {
            throw Refused($"nests elements more than {MaxDepth} deep, which no Lync export does", name);
        }

        if (inner.AttributeCount > MaxAttributes)
        {
            throw Refused($"has an element with {inner.AttributeCount:N0} attributes (at most {MaxAttributes})", name);
        }

        for (var i = 0; i < inner.AttributeCount; i++)
        {
            inner.MoveToAttribute(i);
            if (inner.LocalName.Length > MaxNameLength || inner.Value.Length > MaxValueChars)
            {
                var attribute = inner.LocalName.Length > 40 ? inner.LocalName[..40] + "…" : inner.LocalName;
                inner.MoveToElement();
                throw Refused($"has an attribute ({attribute}) whose name or value is longer than any Lync setting's", name);
            }
        }

        inner.MoveToElement();
        if (!inner.IsEmptyElement)
        {
            _path.Add(name);
        }
    }

    private Model.LcvException Refused(string problem, string? element = null)
    {
        var path = element is null ? _path : [.. _path, element];
        var shown = path.Count <= 6 ? string.Join('/', path) : string.Join('/', path.Take(3)) + "/…/" + string.Join('/', path.TakeLast(2));
        return Model.LcvException.BadExport(where, $"{problem} (at {shown}): refused.");
    }
}
