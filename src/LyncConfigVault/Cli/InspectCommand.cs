using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LyncConfigVault.Catalog;
using LyncConfigVault.Inspect;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Report;
using LyncConfigVault.Unpack;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// lcv inspect FILE…: what lcv understood of each export, for a first run on a real server and for bug
/// reports. --format json is lcv.inspect/1; --skeleton writes a redacted copy of a configuration
/// export's structure. Exit 0 when every file was read and rebuilds exactly, 1 when a rebuild differs.
/// </summary>
internal sealed class InspectCommand : Command
{
    public const string Schema = "lcv.inspect/1";

    private readonly Argument<string[]> _files = new("files") { Description = "Export files: CsConfiguration.zip, DocItemSet.xml, RGS, LIS, user data …", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string?> _skeleton = new("--skeleton") { Description = "Write the configuration export's structure here, every value replaced by its kind and length (safe to attach to a bug report)" };
    private readonly Option<string> _format = CommonOptions.Format();

    public InspectCommand(IAnsiConsole console) : base("inspect", "Say how much of an export lcv understood, how the file spells it, and whether it rebuilds exactly")
    {
        Arguments.Add(_files);
        Options.Add(_skeleton);
        Options.Add(_format);
        SetAction(parse =>
        {
            var files = parse.GetValue(_files)!;
            var skeleton = parse.GetValue(_skeleton);
            if (skeleton is not null && files.Length != 1)
            {
                throw new LcvException($"--skeleton writes one file's structure: give one export, not {files.Length}.");
            }

            var inspector = new ExportInspector(LyncCatalog.Default, NoiseFilter.FromCatalog(LyncCatalog.Default));
            var inspections = files.Select(inspector.Inspect).ToList();
            if (skeleton is not null)
            {
                WriteSkeleton(files[0], skeleton);
            }

            if (parse.GetValue(_format) == "json")
            {
                JsonOutput.Write(console.Profile.Out.Writer, json => WriteJson(json, inspections));
            }
            else
            {
                inspections.ForEach(i => WriteText(console, i));
                if (skeleton is not null)
                {
                    console.MarkupLineInterpolated($"Structure written to {skeleton}: names of elements and attributes only, every value replaced by its kind and length.");
                }
            }

            return inspections.All(i => i.Cms?.RoundTrip.Exact != false) ? ExitCodes.Ok : ExitCodes.Differences;
        });
    }

    private static void WriteSkeleton(string file, string output)
    {
        var archive = ExportArchive.Open(file, ArchiveLimits.Default);
        var entry = archive.IsZip ? archive.FindEntry(n => n.Equals("DocItemSet.xml", StringComparison.OrdinalIgnoreCase)) : "";
        var bytes = (entry is null ? null : archive.Entry(entry))
            ?? throw LcvException.BadExport(file, "holds no DocItemSet.xml: --skeleton describes Export-CsConfiguration archives.");
        var document = StructureSkeleton.Of(bytes, file, entry!);
        using var writer = System.Xml.XmlWriter.Create(output, new System.Xml.XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        document.Save(writer);
    }

    private static void WriteText(IAnsiConsole console, Inspection inspection)
    {
        var name = Path.GetFileName(inspection.File);
        if (inspection.Cms is not { } cms)
        {
            console.MarkupLineInterpolated($"[bold]{name}[/]: {ExportKindNames.Cmdlet(inspection.Kind)}, {inspection.Objects:N0} objects.");
            return;
        }

        var reading = cms.Reading;
        var catalogDocuments = reading.Documents.Where(d => d.Catalog).ToList();
        var genericDocuments = reading.Documents.Where(d => !d.Catalog).ToList();
        console.MarkupLineInterpolated($"[bold]{name}[/]: Export-CsConfiguration, DocItemSet.xml in {reading.Encoding.ToUpperInvariant()}, SchemaWriteVersion {string.Join(", ", reading.SchemaWriteVersions)}");
        console.MarkupLineInterpolated($"  {inspection.Objects:N0} objects from {reading.Documents.Count} documents: {catalogDocuments.Sum(d => d.Items):N0} items read into catalog objects, {reading.GenericItemCount:N0} kept generically.");
        var table = new Table().AddColumns("Type", "Scope", "Items", "Read as");
        foreach (var document in reading.Documents)
        {
            var noun = LyncCatalog.Default.ForDocument(document.ElementName)?.Noun;
            table.AddRow(Markup.Escape(document.ElementName), Markup.Escape(document.ScopeClass), document.Items.ToString("N0", CultureInfo.InvariantCulture),
                noun is null ? "[yellow]generic: type not in lcv's catalog[/]" : Markup.Escape(noun));
        }

        console.Write(table);
        foreach (var generic in reading.GenericDocuments)
        {
            console.MarkupLineInterpolated($"  [yellow]kept whole[/] {generic.Label}: {generic.Reason}");
        }

        console.MarkupLineInterpolated($"  Layout: AnchoredXml inside DocItem > {string.Join(" / ", reading.WrapperChains.Select(c => c == "none" ? "(no wrapper)" : c))}, {(reading.LayoutChoices.Count == 0 ? "keys, lists and rule order as lcv first assumed" : "and:")}");
        foreach (var choice in reading.LayoutChoices)
        {
            console.MarkupLineInterpolated($"    · {choice}");
        }

        console.MarkupLine(cms.RoundTrip.Exact
            ? $"  Round trip: [green]exact[/], the rebuilt DocItemSet.xml reads back as the same {inspection.Objects:N0} objects."
            : $"  Round trip: [red]{cms.RoundTrip.Differing} objects differ[/] after a rebuild ({Markup.Escape(string.Join(", ", cms.RoundTrip.Examples))}). Please report it with lcv inspect --skeleton.");
        if (inspection.IgnoredEntries.Count > 0)
        {
            console.MarkupLineInterpolated($"  Passed over: {string.Join(", ", inspection.IgnoredEntries.Select(e => $"{e.Name} ({e.Size:N0} bytes)"))}.");
        }

        if (genericDocuments.Count > 0 || reading.GenericDocuments.Count > 0)
        {
            console.MarkupLine("  [grey]Generic objects are kept losslessly under cms/other and compared without their Signatures; lcv inspect --skeleton OUT.xml gives their structure for a report.[/]");
        }
    }

    private static void WriteJson(Utf8JsonWriter json, List<Inspection> inspections)
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteStartArray("files");
        foreach (var inspection in inspections)
        {
            json.WriteStartObject();
            json.WriteString("file", inspection.File);
            json.WriteString("kind", inspection.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("objects", inspection.Objects);
            if (inspection.Cms is { } cms)
            {
                WriteCms(json, cms);
            }

            json.WriteStartArray("ignoredEntries");
            foreach (var entry in inspection.IgnoredEntries)
            {
                json.WriteStartObject();
                json.WriteString("name", entry.Name);
                json.WriteNumber("size", entry.Size);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCms(Utf8JsonWriter json, CmsInspection cms)
    {
        var reading = cms.Reading;
        json.WriteString("encoding", reading.Encoding);
        WriteStrings(json, "schemaWriteVersions", reading.SchemaWriteVersions);
        json.WriteStartArray("documents");
        foreach (var document in reading.Documents)
        {
            json.WriteStartObject();
            json.WriteString("element", document.ElementName);
            json.WriteString("scopeClass", document.ScopeClass);
            json.WriteNumber("items", document.Items);
            if (LyncCatalog.Default.ForDocument(document.ElementName)?.Noun is { } noun)
            {
                json.WriteString("noun", noun);
            }
            else
            {
                json.WriteNull("noun");
            }

            json.WriteBoolean("generic", !document.Catalog);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("keptWhole");
        foreach (var generic in reading.GenericDocuments)
        {
            json.WriteStartObject();
            json.WriteString("label", generic.Label);
            json.WriteString("reason", generic.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("genericItems", reading.GenericItemCount);
        json.WriteStartObject("layout");
        WriteStrings(json, "wrappers", reading.WrapperChains);
        WriteStrings(json, "choices", reading.LayoutChoices);
        json.WriteEndObject();
        json.WriteStartObject("roundTrip");
        json.WriteBoolean("exact", cms.RoundTrip.Exact);
        json.WriteNumber("differing", cms.RoundTrip.Differing);
        WriteStrings(json, "examples", cms.RoundTrip.Examples);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
