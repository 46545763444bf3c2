using System.Xml.Linq;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Layout;

/// <summary>
/// An Item key's fields (TagId, SiteId, Name, a ServiceId printed as text) written as attributes, as
/// FORMATS.md assumes, or as text-only child elements. Read into the attribute form, so the object is
/// the same in both; the element order is kept in Export to write the key back as it came.
/// </summary>
internal static class ItemKeyForm
{
    /// <summary>Export key: the key's fields as child elements, in their order.</summary>
    public const string ExportKey = "KeyElements";

    /// <summary>Turns a key of text-only children into attributes; returns the field names in order, or null when the key was not of that form.</summary>
    public static YSeq? ToAttributes(XElement key)
    {
        var fields = key.Elements().ToList();
        if (fields.Count == 0 || key.Attributes().Any(a => !a.IsNamespaceDeclaration)
            || fields.Any(f => f.HasElements || f.HasAttributes || f.Name.Namespace != key.Name.Namespace)
            || fields.Select(f => f.Name.LocalName).Distinct().Count() != fields.Count)
        {
            return null;
        }

        var order = new YSeq();
        foreach (var field in fields)
        {
            order.Items.Add(new YScalar(field.Name.LocalName));
            key.SetAttributeValue(field.Name.LocalName, field.Value);
        }

        key.ReplaceNodes();
        return order;
    }

    /// <summary>Writes the fields named in <paramref name="order"/> back as child elements.</summary>
    public static void ToElements(XElement key, YSeq order)
    {
        foreach (var name in order.Items.Select(i => i.ToString()!))
        {
            if (key.Attribute(name) is { } attribute)
            {
                attribute.Remove();
                key.Add(new XElement(key.Name.Namespace + name, attribute.Value));
            }
        }
    }
}
