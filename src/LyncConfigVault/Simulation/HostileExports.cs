using System.IO.Compression;
using System.Text;

namespace LyncConfigVault.Simulation;

/// <summary>
/// The damaged and hostile files of FORMATS.md §8.5, made from a real synthetic export, so every
/// refusal is tested on bytes that look like what an admin or an attacker could hand to lcv.
/// </summary>
internal static class HostileExports
{
    public static IReadOnlyDictionary<string, Func<byte[]>> All { get; } = new Dictionary<string, Func<byte[]>>
    {
        ["truncated"] = () => Baseline()[..(Baseline().Length / 2)],
        ["not-a-zip"] = () => Encoding.UTF8.GetBytes("Export-CsConfiguration failed: access denied\r\n"),
        ["empty-archive"] = () => Zip(),
        ["zip-slip"] = () => Zip(("../../evil/DocItemSet.xml", Encoding.UTF8.GetBytes("<DocItemSet/>"))),
        ["zip-bomb"] = () => Zip(("DocItemSet.xml", new byte[64 << 20])),
        ["dtd-external-entity"] = () => Zip(("DocItemSet.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><DocItemSet>&x;</DocItemSet>"))),
        ["billion-laughs"] = () => Zip(("DocItemSet.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><DocItemSet>&c;</DocItemSet>"))),
        ["malformed-xml"] = () => Zip(("DocItemSet.xml", DocItemSet()[..(DocItemSet().Length / 3)])),
        ["wrong-encoding"] = () => Zip(("DocItemSet.xml", [.. Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><DocItemSet><DocItem Name=\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"/></DocItemSet>")])),
        ["rgs-without-pool"] = () => Zip(("RgsImportExport/Workflows.xml", Encoding.UTF8.GetBytes(EmptyObjs))),
        ["rgs-missing-ref"] = () => Zip(("RgsImportExport/Queues.xml", Encoding.UTF8.GetBytes(Objs("<Obj RefId=\"0\"><Props><S N=\"OwnerPool\">p.contoso.com</S><Ref N=\"TimeoutAction\" RefId=\"7\" /></Props></Obj>")))),
        ["rgs-ref-cycle"] = () => Zip(("RgsImportExport/Queues.xml", Encoding.UTF8.GetBytes(Objs("<Obj RefId=\"0\"><Props><S N=\"OwnerPool\">p.contoso.com</S><Obj N=\"TimeoutAction\" RefId=\"1\"><Props><Ref N=\"Self\" RefId=\"1\" /></Props></Obj></Props></Obj>")))),
        ["rgs-dtd"] = () => Zip(("RgsImportExport/Queues.xml", Encoding.UTF8.GetBytes("<!DOCTYPE Objs [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Objs("<S>&x;</S>")))),
        ["rgs-audio-dot-dot"] = () => Zip(("RgsImportExport/Queues.xml", Encoding.UTF8.GetBytes(EmptyObjs)), ("RgsImportExport/RGS/Instances/../../../evil.wav", [1, 2, 3])),
        ["no-docitemset"] = () => Zip(("Report.xml", Encoding.UTF8.GetBytes("<Report/>"))),
        ["count-mismatch"] = () => Zip(("DocItemSet.xml", Replace(DocItemSet(), "<Dictionary Count=\"1\">", "<Dictionary Count=\"3\">"))),
        ["duplicate-item-keys"] = () => Zip(("DocItemSet.xml", DuplicateItem())),
        ["deep-nesting"] = () => Zip(("DocItemSet.xml", InFirstItem(string.Concat(Enumerable.Repeat("<x>", 20_000)) + string.Concat(Enumerable.Repeat("</x>", 20_000))))),
        ["long-element-name"] = () => Zip(("DocItemSet.xml", InFirstItem($"<{new string('a', 3_000)} />"))),
        ["many-attributes"] = () => Zip(("DocItemSet.xml", InFirstItem("<x " + string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"a{i}=\"1\"")) + " />"))),
        ["huge-value"] = () => Zip(("DocItemSet.xml", InFirstItem($"<x v=\"{Digits(5 << 20)}\" />"))),
        ["crc-mismatch"] = CrcMismatch,
        ["many-entries"] = () => Zip([.. Enumerable.Range(0, 5_000).Select(i => ($"RgsImportExport/RGS/Instances/{i}.wav", new byte[] { 1 }))]),
    };

    private const string EmptyObjs = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\" />";

    private static string Objs(string body) => $"<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">{body}</Objs>";

    public static byte[] Baseline() => CmsExportWriter.Write(DeploymentFactory.Create(99), ExportNoise.None, new Random(99));

    private static byte[] DocItemSet() => CmsExportWriter.DocItemSet(DeploymentFactory.Create(99), ExportNoise.None, new Random(99));

    private static byte[] DuplicateItem()
    {
        var xml = Encoding.UTF8.GetString(DocItemSet());
        var start = xml.IndexOf("<Item>", xml.IndexOf("ScopeClass=\"Tag\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = xml.IndexOf("</Item>", start, StringComparison.Ordinal) + "</Item>".Length;
        var item = xml[start..end];
        var withTwin = xml.Insert(end, item);
        return Encoding.UTF8.GetBytes(FixCount(withTwin, start));
    }

    // The twin item must not also trip the Count check: raise that document's Count by one.
    private static string FixCount(string xml, int itemStart)
    {
        var count = xml.LastIndexOf("<Dictionary Count=\"", itemStart, StringComparison.Ordinal) + "<Dictionary Count=\"".Length;
        var close = xml.IndexOf('"', count);
        var value = int.Parse(xml[count..close], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return xml[..count] + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + xml[close..];
    }

    // Random digits: a value that does not compress like a zip bomb, so the value's own size is what is refused.
    private static string Digits(int count)
    {
        var random = new Random(5);
        return string.Create(count, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('0' + r.Next(10));
            }
        });
    }

    private static byte[] InFirstItem(string element) => Replace(DocItemSet(), "</Item>", element + "</Item>", once: true);

    // Stored (not deflated), so one changed byte of the XML is still readable and only the CRC-32 tells.
    private static byte[] CrcMismatch()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("DocItemSet.xml", CompressionLevel.NoCompression).Open();
            stream.Write(DocItemSet());
        }

        var bytes = buffer.ToArray();
        var at = bytes.AsSpan().IndexOf("ScopeClass=\"Tag\""u8);
        bytes[at + "ScopeClass=\"".Length] = (byte)'X';   // Tag → Xag: still well-formed XML
        return bytes;
    }

    private static byte[] Replace(byte[] xml, string from, string to, bool once) =>
        once && Encoding.UTF8.GetString(xml) is var text && text.IndexOf(from, StringComparison.Ordinal) is >= 0 and var at
            ? Encoding.UTF8.GetBytes(text[..at] + to + text[(at + from.Length)..])
            : Replace(xml, from, to);

    private static byte[] Replace(byte[] xml, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(xml).Replace(from, to));

    public static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}
