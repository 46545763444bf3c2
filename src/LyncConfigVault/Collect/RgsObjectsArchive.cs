using System.Text;
using System.Xml.Linq;

namespace LyncConfigVault.Collect;

/// <summary>
/// A pool's Response Groups from the Get-CsRgs* objects, written as an archive of Export-CsRgsConfiguration's
/// layout (RgsImportExport/Workflows.xml … as CliXml, FORMATS.md §4.3), so the vault stores them as it stores
/// an export. Audio prompts do not come with the objects: the marker entry tells the normalizer so.
/// </summary>
internal static class RgsObjectsArchive
{
    /// <summary>An entry the real export never has: this archive was made from objects, its audio was not collected.</summary>
    public const string Marker = "RgsImportExport/collected-as-objects.txt";

    // The cmdlet behind each file of the export; Agents.xml and Managers.xml have no cmdlet of their own.
    private static readonly (string Cmdlet, string File)[] Files =
    [
        ("Get-CsRgsWorkflow", "Workflows.xml"), ("Get-CsRgsQueue", "Queues.xml"), ("Get-CsRgsAgentGroup", "AgentGroups.xml"),
        ("Get-CsRgsHoursOfBusiness", "HoursOfBusiness.xml"), ("Get-CsRgsHolidaySet", "HolidaySets.xml"), ("Get-CsRgsConfiguration", "Configuration.xml"),
    ];

    private const string EmptyObjs = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\" />";

    /// <summary>Collects and writes the archive; the failure in the cmdlet's words, or null.</summary>
    public static string? Collect(PowerShellHost host, ExportTask task, TimeSpan timeout, DateTimeOffset now, List<string> log)
    {
        var entries = new List<(string Name, byte[] Bytes)>();
        foreach (var (cmdlet, file) in Files)
        {
            var result = host.Invoke(cmdlet, task.Parameters, timeout, asCliXml: true);
            log.AddRange(result.Verbose);
            if (result.Failure is { } failure)
            {
                return $"{cmdlet} failed: {failure}";
            }

            entries.Add(($"RgsImportExport/{file}", Encoding.UTF8.GetBytes(TopLevel(result.CliXml ?? EmptyObjs))));
        }

        entries.Add(("RgsImportExport/Agents.xml", Encoding.UTF8.GetBytes(EmptyObjs)));
        entries.Add(("RgsImportExport/Managers.xml", Encoding.UTF8.GetBytes(EmptyObjs)));
        entries.Add((Marker, Encoding.UTF8.GetBytes($"Collected by lcv as Get-CsRgs* objects from {task.Target}: audio prompts and music on hold are not in the objects.\n")));
        File.WriteAllBytes(task.FileName, Formats.ZipWriter.Write(now, entries));
        return null;
    }

    /// <summary>
    /// PSSerializer writes a list as one array object holding the items; Export-Clixml, and so the export,
    /// writes each item at the top. The items are moved up; their RefIds stay unique in the document.
    /// </summary>
    public static string TopLevel(string cliXml)
    {
        var document = XDocument.Parse(cliXml);
        var root = document.Root!;
        var ns = root.Name.Namespace;
        if (root.Elements(ns + "Obj").ToList() is [var only] && only.Element(ns + "LST") is { } list
            && only.Element(ns + "TN")?.Elements(ns + "T").FirstOrDefault()?.Value.EndsWith("[]", StringComparison.Ordinal) == true)
        {
            only.ReplaceWith(list.Elements());
        }

        return document.ToString(SaveOptions.DisableFormatting);
    }
}
