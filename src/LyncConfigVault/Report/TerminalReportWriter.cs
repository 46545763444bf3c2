using LyncConfigVault.Diff;
using LyncConfigVault.Normalize.Rgs;
using Spectre.Console;

namespace LyncConfigVault.Report;

/// <summary>
/// The diff for a person at a console: a summary line first, then one block per area, one line per
/// object and one aligned line per property. Colour only where the console has it; redirected, the
/// same text comes out plain and stable.
/// </summary>
internal sealed class TerminalReportWriter(IAnsiConsole console)
{
    private const int MaxPathWidth = 48;

    public void Write(DiffReport report)
    {
        var summary = report.Summary;
        console.MarkupLineInterpolated($"[bold]{Headline(summary)}[/]  from {ValueText.Side(report.From)} to {ValueText.Side(report.To)}");
        foreach (var area in report.ByArea())
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold underline]{area.Key}[/] ({DiffSummary.Of(area)})");
            foreach (var change in area)
            {
                WriteObject(change);
                WriteImpact(report.Impact?.For(change) ?? [], "      ");
            }
        }

        if (report.Impact is { Overall.Count: > 0 } impact)
        {
            console.WriteLine();
            console.MarkupLine("[bold underline]impact[/]");
            WriteImpact(impact.Overall, "  ");
        }
    }

    private void WriteImpact(IReadOnlyList<ImpactNote> notes, string indent)
    {
        foreach (var note in notes)
        {
            console.MarkupLineInterpolated($"{indent}[magenta]⇒ {note.Text}[/]");
        }
    }

    public static string Headline(DiffSummary summary) => summary.Total switch
    {
        0 => "No differences",
        1 => $"1 object differs: {summary}",
        _ => $"{summary.Total} objects differ: {summary}",
    };

    private void WriteObject(ObjectChange change)
    {
        var colour = Colour(change.Kind);
        console.MarkupLineInterpolated($"  [{colour}]{ValueText.Symbol(change.Kind)} {ValueText.ObjectLine(change)}[/]");
        if (change.Kind == ObjectChangeKind.Added)
        {
            WriteSettings(change.New!);
            return;
        }

        if (change.Properties.Count == 0)
        {
            return;
        }

        var width = Math.Min(MaxPathWidth, change.Properties.Max(p => p.Path.Length));
        foreach (var property in ValueText.Shown(change.Properties))
        {
            var path = property.Path.PadRight(width);
            switch (property.Kind)
            {
                case PropertyChangeKind.Changed when property.Lines is { } lines:
                    console.MarkupLineInterpolated($"      {path}  (text, {lines.Count(l => l.Kind != TextLineKind.Unchanged)} lines differ)");
                    foreach (var line in lines)
                    {
                        WriteLine(line);
                    }

                    break;
                case PropertyChangeKind.Changed when AudioReference.From(property.New) is not null:
                    console.MarkupLineInterpolated($"      {path}  [yellow]{ValueText.Describe(property)}[/]");
                    break;
                case PropertyChangeKind.Changed:
                    console.MarkupLineInterpolated($"      {path}  [red]{ValueText.Of(property.Old)}[/] → [green]{ValueText.Of(property.New)}[/]");
                    break;
                case PropertyChangeKind.Added:
                    console.MarkupLineInterpolated($"      {path}  [green]{ValueText.Describe(property)}[/]");
                    break;
                case PropertyChangeKind.Removed:
                    console.MarkupLineInterpolated($"      {path}  [red]{ValueText.Describe(property)}[/]");
                    break;
                default:
                    console.MarkupLineInterpolated($"      {path}  [blue]{ValueText.Describe(property)}[/]");
                    break;
            }
        }
    }

    /// <summary>An added object's values, so a reviewer sees what arrived, not only its name.</summary>
    private void WriteSettings(Model.YMap content)
    {
        var settings = ObjectSettings.Of(content).ToList();
        var width = settings.Count == 0 ? 0 : Math.Min(MaxPathWidth, settings.Max(s => s.Path.Length));
        foreach (var (path, value) in settings)
        {
            console.MarkupLineInterpolated($"      {path.PadRight(width)}  [green]{value}[/]");
        }
    }

    private void WriteLine(TextLine line)
    {
        switch (line.Kind)
        {
            case TextLineKind.Added:
                console.MarkupLineInterpolated($"        [green]+ {line.Text}[/]");
                break;
            case TextLineKind.Removed:
                console.MarkupLineInterpolated($"        [red]- {line.Text}[/]");
                break;
            default:
                console.MarkupLineInterpolated($"          {line.Text}");
                break;
        }
    }

    private static string Colour(ObjectChangeKind kind) => kind switch
    {
        ObjectChangeKind.Added => "green",
        ObjectChangeKind.Removed => "red",
        ObjectChangeKind.Renamed => "blue",
        _ => "yellow",
    };
}
