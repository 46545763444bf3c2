using LyncConfigVault.Diff;

namespace LyncConfigVault.Report;

/// <summary>One view of a diff report: Markdown, HTML, JSON.</summary>
internal interface IReportWriter
{
    void Write(DiffReport report, TextWriter output);
}
