using System.Text;

namespace LyncConfigVault.Normalize.Layout;

/// <summary>
/// The encodings DocItemSet.xml is read in (FORMATS.md §2.9.1), by the name Export records: XmlReader decodes
/// by BOM and declaration itself; this names what it found, and gives it back for the rebuild.
/// </summary>
internal static class DocItemSetEncoding
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string Utf16BigEndian = "utf-16BE";

    /// <summary>The name of the encoding <paramref name="bytes"/> start in: a BOM, or the first character '&lt;' in two bytes.</summary>
    public static string Name(byte[] bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0x3C && bytes[1] == 0x00)) ? Utf16
        : bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0x00 && bytes[1] == 0x3C)) ? Utf16BigEndian
        : Utf8;

    /// <summary>The encoding to write for a recorded name (UTF-16 with its BOM); UTF-8 without BOM when none was recorded.</summary>
    public static Encoding Of(string? name) => name switch
    {
        Utf16 => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        Utf16BigEndian => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        _ => new UTF8Encoding(false),
    };
}
