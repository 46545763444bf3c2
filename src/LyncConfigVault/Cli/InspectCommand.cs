using System.CommandLine;
using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Inspect;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Report;
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
                JsonOutput.Write(console.Profile.Out.Writer, new Dictionary<string, object> { ["schema"] = Schema, ["files"] = inspections.Select(Record).ToList() });
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
        var entry = archive.DocItemSetEntry();
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
            console.MarkupLineInterpolated($"[bold]{name}[/]: {ExportKinds.Of(inspection.Kind).WrittenBy}, {inspection.Objects:N0} objects.");
            return;
        }

        var reading = cms.Reading;
        var catalogDocuments = reading.Documents.Where(d => d.Noun is not null).ToList();
        var genericDocuments = reading.Documents.Where(d => d.Noun is null).ToList();
        console.MarkupLineInterpolated($"[bold]{name}[/]: Export-CsConfiguration, DocItemSet.xml in {reading.Encoding.ToUpperInvariant()}, SchemaWriteVersion {string.Join(", ", reading.SchemaWriteVersions)}");
        console.MarkupLineInterpolated($"  {inspection.Objects:N0} objects from {reading.Documents.Count} documents: {catalogDocuments.Sum(d => d.Items):N0} items read into catalog objects, {reading.GenericItemCount:N0} kept generically.");
        var table = new Table().AddColumns("Type", "Scope", "Items", "Read as");
        foreach (var document in reading.Documents)
        {
            table.AddRow(Markup.Escape(document.ElementName), Markup.Escape(document.ScopeClass), document.Items.ToString("N0", CultureInfo.InvariantCulture),
                document.Noun is null ? "[yellow]generic: type not in lcv's catalog[/]" : Markup.Escape(document.Noun));
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

    /// <summary>One file as lcv.inspect/1 gives it: add fields, never rename or remove them.</summary>
    private static Dictionary<string, object?> Record(Inspection inspection)
    {
        var record = new Dictionary<string, object?>
        {
            ["file"] = inspection.File,
            ["kind"] = inspection.Kind.ToString().ToLowerInvariant(),
            ["objects"] = inspection.Objects,
        };
        if (inspection.Cms is { Reading: var reading, RoundTrip: var roundTrip })
        {
            record["encoding"] = reading.Encoding;
            record["schemaWriteVersions"] = reading.SchemaWriteVersions;
            record["documents"] = reading.Documents.Select(d => new Dictionary<string, object?>
            {
                ["element"] = d.ElementName, ["scopeClass"] = d.ScopeClass, ["items"] = d.Items, ["noun"] = d.Noun, ["generic"] = d.Noun is null,
            }).ToList();
            record["keptWhole"] = reading.GenericDocuments.Select(g => new Dictionary<string, object?> { ["label"] = g.Label, ["reason"] = g.Reason }).ToList();
            record["genericItems"] = reading.GenericItemCount;
            record["layout"] = new Dictionary<string, object?> { ["wrappers"] = reading.WrapperChains, ["choices"] = reading.LayoutChoices };
            record["roundTrip"] = new Dictionary<string, object?> { ["exact"] = roundTrip.Exact, ["differing"] = roundTrip.Differing, ["examples"] = roundTrip.Examples };
        }

        record["ignoredEntries"] = inspection.IgnoredEntries.Select(e => new Dictionary<string, object?> { ["name"] = e.Name, ["size"] = e.Size }).ToList();
        return record;
    }
}
