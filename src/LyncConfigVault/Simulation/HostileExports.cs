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
