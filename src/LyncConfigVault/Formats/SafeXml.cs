using System.Xml;
using System.Xml.Linq;
using LyncConfigVault.Model;

namespace LyncConfigVault.Formats;

/// <summary>
/// XML reading with no DTD, no external entity, a size bound and bounded structure (<see cref="BoundedXmlReader"/>):
/// exports are data, never instructions.
/// </summary>
internal static class SafeXml
{
    public static XDocument Load(byte[] bytes, string file, string entry) =>
        Read(bytes, file, entry, reader => XDocument.Load(reader, LoadOptions.None));

    /// <summary>Runs <paramref name="read"/> over a safe reader; any XML problem becomes one line naming the file.</summary>
    public static T Read<T>(byte[] bytes, string file, string entry, Func<XmlReader, T> read) =>
        Read(new MemoryStream(bytes, writable: false), file, entry, read);

    /// <summary>The same over a stream (a large archive entry, decompressed as it is read); the stream is closed after.</summary>
    public static T Read<T>(Stream input, string file, string entry, Func<XmlReader, T> read)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ArchiveLimits.Default.MaxEntryBytes,
            MaxCharactersFromEntities = 0,
            CloseInput = true,
        };
        var where = entry.Length == 0 ? file : $"{file} ({entry})";
        try
        {
            using var reader = new BoundedXmlReader(XmlReader.Create(input, settings), where);
            return read(reader);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw LcvException.BadExport(where, "contains a DTD (document type declaration). Lync exports never do, and a DTD can smuggle in external entities or entity expansion: refused.", e);
        }
        catch (XmlException e) when (IsEncodingProblem(e))
        {
            throw LcvException.BadExport(where, $"is not in the encoding it declares (line {e.LineNumber}): {FirstSentence(e.Message)}", e);
        }
        catch (XmlException e)
        {
            throw LcvException.BadExport(where, $"is not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {FirstSentence(e.Message)}", e);
        }
    }

    private static bool IsEncodingProblem(XmlException e) =>
        e.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase) || e.InnerException is System.Text.DecoderFallbackException;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
