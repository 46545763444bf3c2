using LyncConfigVault.Diff;

namespace LyncConfigVault.Report;

/// <summary>
/// The diff as Markdown for a change ticket or a pull request: a summary, one section per area,
/// one table per modified object. Values sit in code spans so patterns and numbers read exactly.
/// </summary>
internal sealed class MarkdownReportWriter(ReportHeader? header = null) : IReportWriter
{
    public void Write(DiffReport report, TextWriter output)
    {
        var facts = header ?? new ReportHeader();
        output.Write($"## {Escape(facts.TitleOrDefault)}\n\n");
        foreach (var (name, value) in new[] { ("Deployment", facts.Deployment), ("Change ticket", facts.Ticket), ("Baseline", facts.Baseline) })
        {
            if (value is not null)
            {
                output.Write($"**{name}:** {Escape(value)}  \n");
            }
        }

        output.Write(facts.Deployment is null && facts.Ticket is null && facts.Baseline is null ? "" : "\n");
        output.Write($"{TerminalReportWriter.Headline(report.Summary)}, from {Escape(ValueText.Side(report.From))} to {Escape(ValueText.Side(report.To))}.\n");
        if (report.IsEmpty)
        {
            return;
        }

        output.Write("\n| Area | Added | Removed | Modified | Renamed |\n|---|---:|---:|---:|---:|\n");
        foreach (var area in report.ByArea())
        {
            var s = DiffSummary.Of(area);
            output.Write($"| {area.Key} | {s.Added} | {s.Removed} | {s.Modified} | {s.Renamed} |\n");
        }

        foreach (var area in report.ByArea())
        {
            output.Write($"\n### {area.Key}\n");
            foreach (var change in area)
            {
                WriteObject(change, output);
                WriteImpact(report.Impact?.For(change) ?? [], output, "  ");
            }
        }

        if (report.Impact is { Overall.Count: > 0 } impact)
        {
            output.Write("\n### Impact\n\n");
            WriteImpact(impact.Overall, output, "");
        }
    }

    private static void WriteImpact(IReadOnlyList<ImpactNote> notes, TextWriter output, string indent)
    {
        if (notes.Count > 0 && indent.Length > 0)
        {
            output.Write("\n");
        }

        foreach (var note in notes)
        {
            output.Write($"{indent}- ⚠ {Escape(note.Text)}\n");
        }
    }

    private static void WriteObject(ObjectChange change, TextWriter output)
    {
        var verb = change.Kind switch
        {
            ObjectChangeKind.Added => "added",
            ObjectChangeKind.Removed => "removed",
            ObjectChangeKind.Renamed => change.Properties.Count == 0 ? $"renamed from `{Code(change.OldIdentity)}`, same settings" : $"renamed from `{Code(change.OldIdentity)}`",
            _ => "modified",
        };
        output.Write($"\n- **{Escape(change.Noun)} `{Code(change.Identity)}`** {verb}\n");
        if (change.Kind == ObjectChangeKind.Added)
        {
            output.Write("\n  | Property | Value |\n  |---|---|\n");
            foreach (var (path, value) in ObjectSettings.Of(change.New!))
            {
                output.Write($"  | `{Code(path)}` | {Value(value)} |\n");
            }

            return;
        }

        if (change.Properties.Count == 0)
        {
            return;
        }

        output.Write("\n  | Property | Before | After |\n  |---|---|---|\n");
        foreach (var property in ValueText.Shown(change.Properties))
        {
            var (before, after) = property.Kind switch
            {
                PropertyChangeKind.Changed when property.Lines is { } lines => (Lines(lines, TextLineKind.Removed), Lines(lines, TextLineKind.Added)),
                PropertyChangeKind.Changed when ValueText.Note(property) == "replaced" => (Value(ValueText.Of(property.Old)), Escape(ValueText.Describe(property))),
                PropertyChangeKind.Changed => (Value(ValueText.Of(property.Old)), Value(ValueText.Of(property.New))),
                PropertyChangeKind.Moved => (Value(ValueText.Order(property).Before), Value(ValueText.Order(property).After)),
                PropertyChangeKind.Added => ("", Escape(ValueText.Describe(property))),
                PropertyChangeKind.Removed => (Escape(ValueText.Describe(property)), ""),
                _ => (Value(ValueText.Of(property.Old)), Escape(ValueText.Describe(property))),
            };
            output.Write($"  | `{Code(property.Path)}` | {before} | {after} |\n");
        }
    }

    private static string Lines(IReadOnlyList<TextLine> lines, TextLineKind kind) =>
        string.Join("<br>", lines.Where(l => l.Kind == kind).Select(l => Value(l.Text)));

    private static string Value(string text) => text.Length == 0 ? "" : $"`{Code(text)}`";

    // Inside a code span only the pipe (table syntax) and the backtick need care.
    private static string Code(string? text) => (text ?? "").Replace("|", "\\|").Replace("`", "'");

    private static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
