using System.Globalization;
using System.Xml.Linq;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;

namespace LyncConfigVault.Inspect;

/// <summary>
/// A redacted copy of an export's structure for a bug report (lcv inspect --skeleton): element and
/// attribute names and namespaces kept, every value replaced by its kind and length, so no name,
/// number, address or secret of the site leaves it. Only the scope framework's own vocabulary stays
/// readable (which type, which scope class): it names Microsoft's schema, never the site.
/// </summary>
internal static class StructureSkeleton
{
    private static readonly HashSet<string> SchemaVocabulary = ["ScopeClass", "ElementName", "Namespace", "Class"];

    /// <summary>Writes the structure of <paramref name="file"/>'s DocItemSet.xml to <paramref name="output"/>.</summary>
    public static void Write(string file, string output)
    {
        var archive = ExportArchive.Open(file, ArchiveLimits.Default);
        var entry = archive.DocItemSetEntry();
        var bytes = (entry is null ? null : archive.Entry(entry))
            ?? throw LcvException.BadExport(file, "holds no DocItemSet.xml: --skeleton describes Export-CsConfiguration archives.");
        var document = Of(bytes, file, entry!);
        using var writer = System.Xml.XmlWriter.Create(output, new System.Xml.XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        document.Save(writer);
    }

    public static XDocument Of(byte[] xml, string file, string entry)
    {
        var document = SafeXml.Load(xml, file, entry);
        foreach (var node in document.DescendantNodes().Where(n => n is XComment or XProcessingInstruction).ToList())
        {
            node.Remove();
        }

        foreach (var element in document.Root!.DescendantsAndSelf())
        {
            var framework = element.Name.NamespaceName == Normalize.CmsEnvelope.ScopeFrameworkNamespace;
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && !(framework && SchemaVocabulary.Contains(a.Name.LocalName))))
            {
                attribute.Value = Shape(attribute.Value);
            }

            if (framework && SchemaVocabulary.Contains(element.Name.LocalName))
            {
                continue;
            }

            foreach (var text in element.Nodes().OfType<XText>().Where(t => !string.IsNullOrWhiteSpace(t.Value)))
            {
                text.Value = Shape(text.Value);
            }
        }

        return document;
    }

    /// <summary>What a value looks like without what it says: bool, int:3, guid, text:12.</summary>
    public static string Shape(string value) =>
        value is "true" or "false" or "True" or "False" ? "bool"
        : long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? $"int:{value.Length}"
        : Guid.TryParse(value, out _) ? "guid"
        : value.Length == 0 ? "empty"
        : $"text:{value.Length}";
}
