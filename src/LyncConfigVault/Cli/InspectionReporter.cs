using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Inspect;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>lcv inspect's text: per file what was read, how the file spells it, and whether it rebuilds exactly.</summary>
internal static class InspectionReporter
{
    public static void Write(IAnsiConsole console, Inspection inspection)
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
}
