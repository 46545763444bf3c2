using System.Text;
using System.Xml.Linq;

namespace LyncConfigVault.Normalize;

/// <summary>
/// A canonical text form of XML for proving two documents equal: namespaces by URI, not prefix;
/// attributes sorted; indentation ignored; quote style and attribute order never matter (as C14N).
/// Children of the elements named in sortChildrenOf are sorted, for lists whose order means nothing.
/// </summary>
internal static class CanonicalXml
{
    public static string Of(XElement element, IReadOnlySet<string>? sortChildrenOf = null)
    {
        var builder = new StringBuilder();
        Write(builder, element, sortChildrenOf ?? new HashSet<string>());
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, XElement element, IReadOnlySet<string> sortChildrenOf)
    {
        builder.Append('<').Append(Name(element.Name));
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => Name(a.Name), StringComparer.Ordinal))
        {
            builder.Append(' ').Append(Name(attribute.Name)).Append("=\"").Append(Escape(attribute.Value)).Append('"');
        }

        builder.Append('>');
        if (!element.HasElements)
        {
            builder.Append(Escape(element.Value));
        }
        else
        {
            var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));
            if (!string.IsNullOrWhiteSpace(text))
            {
                builder.Append(Escape(text));
            }

            var children = element.Elements().Select(c => Of(c, sortChildrenOf));
            if (sortChildrenOf.Contains(element.Name.LocalName))
            {
                children = children.Order(StringComparer.Ordinal);
            }

            foreach (var child in children)
            {
                builder.Append(child);
            }
        }

        builder.Append("</").Append(Name(element.Name)).Append('>');
    }

    private static string Name(XName name) => name.NamespaceName.Length == 0 ? name.LocalName : $"{{{name.NamespaceName}}}{name.LocalName}";

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace("\"", "&quot;").Replace("\r", "&#xD;");
}
