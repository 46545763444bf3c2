using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Report;

/// <summary>
/// The diff as one self-contained HTML page (templates/diff-report.html.liquid, built into lcv):
/// counts per area, a section per area, a card per object with before and after side by side,
/// the changed characters of long values marked. No script, font or image from anywhere else.
/// </summary>
internal sealed class HtmlReportWriter(ReportHeader? header = null) : IReportWriter
{
    public const string TemplateName = "diff-report.html.liquid";

    private static readonly Lazy<IFluidTemplate> Template = new(() => ReportTemplates.Parse(TemplateName));

    public void Write(DiffReport report, TextWriter output)
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.IgnoreCasing = true;   // the template says report.title for Title
        foreach (var type in new[] { typeof(HtmlReportModel), typeof(HtmlArea), typeof(HtmlCard), typeof(HtmlRow), typeof(HtmlPiece), typeof(HtmlLine), typeof(HtmlImpact) })
        {
            options.MemberAccessStrategy.Register(type);   // unregistered types render silently as empty
        }

        var context = new TemplateContext(options);
        context.SetValue("report", Model(report, header ?? new ReportHeader()));
        output.Write(Template.Value.Render(context, HtmlEncoder.Create(UnicodeRanges.All)));
    }

    public static HtmlReportModel Model(DiffReport report, ReportHeader header)
    {
        var areas = report.ByArea().Select(area =>
        {
            var summary = DiffSummary.Of(area);
            return new HtmlArea(area.Key, summary.Added, summary.Removed, summary.Modified, summary.Renamed, area.Select(c => Card(c, report)).ToList());
        }).ToList();
        var total = report.Summary;
        return new HtmlReportModel(
            header.TitleOrDefault,
            Report.TerminalReportWriter.Headline(total),
            ValueText.Side(report.From),
            ValueText.Side(report.To),
            areas,
            new HtmlArea("all areas", total.Added, total.Removed, total.Modified, total.Renamed, []),
            Impact(report.Impact?.Overall ?? []))
        {
            Deployment = header.Deployment ?? "",
            Ticket = header.Ticket ?? "",
            Baseline = header.Baseline ?? "",
        };
    }

    private static List<HtmlImpact> Impact(IReadOnlyList<ImpactNote> notes) =>
        notes.Select(n => new HtmlImpact(n.Effect == ImpactEffect.Neutral ? n.Kind : $"{n.Kind} {n.Effect.ToString().ToLowerInvariant()}", n.Text)).ToList();

    private static HtmlCard Card(ObjectChange change, DiffReport report)
    {
        var note = change.Kind switch
        {
            ObjectChangeKind.Renamed => change.Properties.Count == 0 ? $"renamed from {change.OldIdentity} (same settings)" : $"renamed from {change.OldIdentity}",
            ObjectChangeKind.Added => "added",
            ObjectChangeKind.Removed => "removed",
            _ => "modified",
        };
        var rows = change.Kind switch
        {
            ObjectChangeKind.Added => ObjectSettings.Of(change.New!).Select(s => new HtmlRow(s.Path, "setting", [], [new HtmlPiece(s.Value, false)], "", [])).ToList(),
            ObjectChangeKind.Removed => ObjectSettings.Of(change.Old!).Select(s => new HtmlRow(s.Path, "setting", [new HtmlPiece(s.Value, false)], [], "", [])).ToList(),
            _ => ValueText.Shown(change.Properties).Select(Row).ToList(),
        };
        return new HtmlCard(JsonReportWriter.Word(change.Kind), ValueText.Symbol(change.Kind).ToString(), change.Noun, change.Identity, note, rows, Impact(report.Impact?.For(change) ?? []))
        {
            Undo = report.Undo?.GetValueOrDefault(DiffImpact.Key(change)) ?? [],
        };
    }

    private static HtmlRow Row(PropertyChange property)
    {
        var kind = JsonReportWriter.Word(property.Kind);
        switch (property.Kind)
        {
            case PropertyChangeKind.Changed when property.Lines is { } lines:
                return new HtmlRow(property.Path, kind, [], [], "", lines.Select(l => new HtmlLine(l.Kind.ToString().ToLowerInvariant(), l.Text)).ToList());
            case PropertyChangeKind.Changed:
                var (before, after) = InlineHighlighter.Mark(ValueText.Of(property.Old), ValueText.Of(property.New));
                return new HtmlRow(property.Path, kind, before, after, ValueText.Note(property) is var note && note != kind ? note : "", []);
            case PropertyChangeKind.Added:
                return new HtmlRow(property.Path, kind, [], [new HtmlPiece(ValueText.Of(property.New), true)], ValueText.Note(property), []);
            case PropertyChangeKind.Removed:
                return new HtmlRow(property.Path, kind, [new HtmlPiece(ValueText.Of(property.Old), true)], [], ValueText.Note(property), []);
            default:
                var (oldOrder, newOrder) = ValueText.Order(property);
                return new HtmlRow(property.Path, kind, [new HtmlPiece(oldOrder, false)], [new HtmlPiece(newOrder, false)], ValueText.Note(property), []);
        }
    }
}
