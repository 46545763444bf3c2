using System.CommandLine;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using Spectre.Console;

namespace LyncConfigVault.Cli;

/// <summary>
/// The report options diff and drift share (--format, --output, --area, --noun, --identity) and
/// writing the report: to the console, or atomically to a file so a failed run leaves no half report.
/// </summary>
internal sealed class ReportOutput
{
    private static readonly string[] Formats = ["text", "markdown", "html", "json"];

    public Option<string?> Format { get; } = new("--format") { Description = "text (the default on a console), markdown, html or json (lcv.diff/1); from --output's extension when not given" };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the report to this file instead of the console" };

    public Option<string[]> Areas { get; } = new("--area") { Description = "Only these areas: topology, voice, trunk, policy, conferencing, network, rgs, lis, users, other", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Nouns { get; } = new("--noun") { Description = "Only these object types: VoicePolicy, DialPlan, VoiceRoute …", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Identities { get; } = new("--identity") { Description = "Only Identities matching these patterns: \"Tag:*Intl*\", Global, \"Site:Dublin\"", AllowMultipleArgumentsPerToken = true };

    public Option<string?> Title { get; } = new("--title") { Description = "The report's title (HTML and Markdown), e.g. the change's name" };

    public Option<string?> Ticket { get; } = new("--ticket") { Description = "The change ticket the report belongs to (HTML and Markdown header), e.g. CHG0012345" };

    public ReportOutput() => Format.AcceptOnlyFromAmong([.. Formats, "md"]);

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Output);
        command.Options.Add(Areas);
        command.Options.Add(Nouns);
        command.Options.Add(Identities);
        command.Options.Add(Title);
        command.Options.Add(Ticket);
    }

    private DiffFilter Filter(ParseResult parse) =>
        new([.. CommonOptions.CommaList(parse.GetValue(Areas))], [.. CommonOptions.CommaList(parse.GetValue(Nouns))], parse.GetValue(Identities) ?? []);   // identities may hold commas

    /// <summary>Filters the report as asked, writes it, and returns diff(1)'s exit code: 0 none, 1 differences.</summary>
    /// <param name="deployment">The deployment's name and baselines, for the header of an HTML or Markdown report.</param>
    public int Show(ParseResult parse, IAnsiConsole console, DiffReport report, (string? Deployment, string? Baselines) deployment = default)
    {
        var shown = report.Where(Filter(parse));
        var header = new ReportHeader(deployment.Deployment, parse.GetValue(Title), parse.GetValue(Ticket), deployment.Baselines);
        Write(parse, console, shown, header);
        return shown.IsEmpty ? ExitCodes.Ok : ExitCodes.Differences;
    }

    private void Write(ParseResult parse, IAnsiConsole console, DiffReport report, ReportHeader header)
    {
        var output = parse.GetValue(Output);
        var format = FormatOf(parse.GetValue(Format), output);
        if (output is null)
        {
            if (format == "text")
            {
                new TerminalReportWriter(console).Write(report);
            }
            else
            {
                Writer(format, header).Write(report, console.Profile.Out.Writer);
            }

            return;
        }

        var path = Path.GetFullPath(output);
        var temporary = path + ".lcv-partial";
        try
        {
            using (var file = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(false)))
            {
                if (format == "text")
                {
                    new TerminalReportWriter(PlainConsole.Over(file)).Write(report);
                }
                else
                {
                    Writer(format, header).Write(report, file);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new LcvException($"{path}: cannot write the report ({e.Message}).", path, e);
        }

        console.MarkupLineInterpolated($"{TerminalReportWriter.Headline(report.Summary)}. The {format} report is in {path}");
    }

    private static string FormatOf(string? format, string? output) => format switch
    {
        "md" => "markdown",
        { } given => given,
        null => Path.GetExtension(output ?? "").ToLowerInvariant() switch
        {
            ".html" or ".htm" => "html",
            ".md" or ".markdown" => "markdown",
            ".json" => "json",
            _ => "text",
        },
    };

    private static IReportWriter Writer(string format, ReportHeader header) => format switch
    {
        "markdown" => new MarkdownReportWriter(header),
        "html" => new HtmlReportWriter(header),
        _ => new JsonReportWriter(),
    };
}
