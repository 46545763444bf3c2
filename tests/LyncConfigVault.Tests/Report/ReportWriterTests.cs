using System.Text.Json;
using LyncConfigVault.Diff;
using LyncConfigVault.Report;

namespace LyncConfigVault.Tests.Report;

public sealed class ReportWriterTests
{
    private static readonly Lazy<DiffReport> Report = new(AllChangeKinds.Report);

    private static string Render(IReportWriter writer)
    {
        var output = new StringWriter();
        writer.Write(Report.Value, output);
        return output.ToString();
    }

    [Fact]
    public void The_report_holds_every_kind_of_change()
    {
        var changes = Report.Value.Changes.Select(c => $"{c.Kind} {c.DisplayName}").ToList();

        Assert.Equal(
            [
                "Removed ClientPolicy Tag:CP-Kiosk",
                "Added ClientPolicy Tag:CP-Lobby <Reception & Guests>",
                "Modified DialPlan Site:Dublin",
                "Modified VoicePolicy Tag:VP-Executives",
                "Renamed VoicePolicy Tag:VP-Galway-International",
                "Modified VoicePolicy Tag:VP-London-Intl",
                "Modified VoiceRoute Amsterdam-International",
            ],
            changes);
    }

    [Fact]
    public void Json_of_every_change_kind_follows_the_schema_with_typed_values()
    {
        var json = Render(new JsonReportWriter());

        ReportSchema.AssertValid(json);
        using var document = JsonDocument.Parse(json);
        var executives = document.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("identity").GetString() == "Tag:VP-Executives");
        var simulRing = executives.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "AllowSimulRing");
        Assert.Equal(JsonValueKind.True, simulRing.GetProperty("old").ValueKind);
        Assert.Equal(JsonValueKind.False, simulRing.GetProperty("new").ValueKind);
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal((1, 1, 4, 1), (summary.GetProperty("added").GetInt32(), summary.GetProperty("removed").GetInt32(), summary.GetProperty("modified").GetInt32(), summary.GetProperty("renamed").GetInt32()));
    }

    [Fact]
    public void A_report_that_breaks_the_contract_fails_the_schema()
    {
        var json = Render(new JsonReportWriter()).Replace("\"change\": \"moved\"", "\"change\": \"shuffled\"", StringComparison.Ordinal);

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ReportSchema.AssertValid(json));
    }

    [Fact]
    public void Markdown_matches_the_reviewed_example()
    {
        var markdown = Render(new MarkdownReportWriter());

        TestData.AssertGolden("reports/all-change-kinds.md", markdown);
    }

    [Fact]
    public void The_html_report_renders_in_chromium_with_a_card_per_object_and_the_changed_characters_marked()
    {
        using var folder = new TempFolder();
        var html = folder.File("change-review.html");
        File.WriteAllText(html, Render(new HtmlReportWriter()));

        var dom = HeadlessChromium.DumpDom(html);
        HeadlessChromium.Screenshot(html, folder.File("change-review.png"));

        Assert.Equal(7, CountOf(dom, "<article class=\"card "));
        Assert.Contains("data-noun=\"DialPlan\" data-identity=\"Site:Dublin\" data-change=\"modified\"", dom);
        Assert.Contains("<td class=\"old\"><span class=\"value\">^([2-9]\\d{<del>6</del>,7})$</span></td>", dom);
        Assert.Contains("<td class=\"new\"><span class=\"value\">^([2-9]\\d{<ins>5</ins>,7})$</span>", dom);
        Assert.Contains("data-identity=\"Tag:CP-Lobby &lt;Reception &amp; Guests&gt;\"", dom);
        Assert.Contains("renamed from Tag:VP-Galway-Intl (same settings)", dom);
        Assert.Contains("<li class=\"removed\">Approved by CAB-1042</li>", dom);
        Assert.Contains("<li class=\"added\">Approved by CAB-2211</li>", dom);
        Assert.Contains("<tr data-area=\"voice\"><td><a href=\"#area-voice\">voice</a></td><td>0</td><td>0</td><td>4</td><td>1</td></tr>", dom);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", dom);
        var png = File.ReadAllBytes(folder.File("change-review.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"the screenshot is only {png.Length} bytes: the page rendered empty");
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
