using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LibGit2Sharp;

namespace LyncConfigVault.Tests.Report;

/// <summary>The demo's vault, made once for the tests that read its week as a reviewer would.</summary>
public sealed class DemoVault : IDisposable
{
    private readonly TempFolder _folder = new();

    public DemoVault()
    {
        Vault = _folder.File("demo");
        var result = TestData.Lcv("demo", "--vault", Vault);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }

    public string Vault { get; }

    /// <summary>The week's HTML report the demo writes beside the vault.</summary>
    public string WeekReport => Vault + "-changes.html";

    public string Folder => _folder.Path;

    internal CliResult Lcv(params string[] args) => TestData.Lcv([.. args, "--vault", Vault]);

    /// <summary>A file's text at a revision, read with Git, not with lcv.</summary>
    public string FileAt(string revision, string path)
    {
        using var repo = new Repository(Vault);
        return ((Blob)repo.Lookup<Commit>(revision)[path].Target).GetContentText();
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// The demo's week in every format an admin or a change advisory board reads: Lync terms only, never lcv's or
/// the XML's internals (issue "Readable in Lync terms everywhere an admin looks").
/// </summary>
public sealed partial class ReadableDiffTests(DemoVault demo) : IClassFixture<DemoVault>
{
    private const string EdgeChange = "Machine[Fqdn=dubedge01.fabrikam.com].NetInterface[InterfaceSide=External,InterfaceNumber=1].IPAddress";

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("json")]
    public void The_weeks_diff_shows_no_hash_no_key_no_xml_element_no_escape_and_no_export_block(string format)
    {
        var result = demo.Lcv("diff", "HEAD~5", "HEAD", "--impact", "--format", format);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotMatch(Sha256(), result.Output);
        Assert.DoesNotContain("Key.", result.Output);
        Assert.DoesNotContain("LocationProfile", result.Output);
        Assert.DoesNotMatch(@"%[0-9A-Fa-f]{2}", result.Output);
        Assert.DoesNotMatch(@"\bExport[:.]", result.Output);
        Assert.Contains(EdgeChange, result.Output);
    }

    [Fact]
    public void The_edge_servers_new_public_address_is_one_property()
    {
        var result = demo.Lcv("diff", "HEAD~5", "HEAD", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var edge = json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("identity").GetString() == "dubedge01.fabrikam.com");
        var property = Assert.Single(edge.GetProperty("properties").EnumerateArray());
        Assert.Equal(EdgeChange, property.GetProperty("path").GetString());
        Assert.Equal("192.0.2.10", property.GetProperty("old").GetString());
        Assert.Equal("192.0.2.20", property.GetProperty("new").GetString());
        ReportSchema.AssertValid(result.Output);
    }

    [Fact]
    public void A_replaced_prompt_reads_as_its_file_name_and_size()
    {
        const string queue = "rgs/lonpool01.fabrikam.com/queues/London Helpdesk Queue.yaml";
        var before = PromptSize(demo.FileAt("HEAD~1", queue));
        var after = PromptSize(demo.FileAt("HEAD", queue));

        var result = demo.Lcv("diff", "HEAD~1", "HEAD");

        Assert.NotEqual(before, after);
        Assert.Contains($"OverflowAction.Prompt.AudioFilePrompt  helpdesk-full.wav replaced ({before} → {after} bytes)", result.Output);
        Assert.DoesNotContain("Sha256", result.Output);
    }

    [Fact]
    public void A_reordered_usage_list_shows_the_whole_order_before_and_after()
    {
        var before = Usages(demo.FileAt("HEAD~1", "cms/voice/VoicePolicy/Tag/VP-Dublin-Restricted.yaml"));
        var after = Usages(demo.FileAt("HEAD", "cms/voice/VoicePolicy/Tag/VP-Dublin-Restricted-R07.yaml"));

        var result = demo.Lcv("diff", "HEAD~1", "HEAD");

        Assert.NotEqual(before, after);
        Assert.Contains($"PstnUsages  {string.Join(", ", before)} → {string.Join(", ", after)}", result.Output);
    }

    [Fact]
    public void An_added_object_lists_its_values_in_text_markdown_and_json()
    {
        // Backwards over the week: the client policy removed on night 5 comes back.
        var file = demo.FileAt("HEAD~5", "cms/policy/ClientPolicy/Tag/CP-Lync2010Compat.yaml");
        var setting = Regex.Match(file, @"\nClientPolicy:\n((?:  .*\n)+)").Groups[1].Value;
        var values = Regex.Matches(setting, @"^  (\w+): (.+)$", RegexOptions.Multiline).Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value.Trim('\''))).ToList();

        var text = demo.Lcv("diff", "HEAD", "HEAD~5").Output;
        var markdown = demo.Lcv("diff", "HEAD", "HEAD~5", "--format", "markdown").Output;
        var json = demo.Lcv("diff", "HEAD", "HEAD~5", "--format", "json").Output;

        Assert.NotEmpty(values);
        Assert.Contains("+ ClientPolicy Tag:CP-Lync2010Compat", text);
        foreach (var (name, value) in values.Where(v => v.Value.Length > 0))
        {
            Assert.Matches($@"\n      {name} +{Regex.Escape(value)}\n", text);
            Assert.Contains($"| `{name}` | `{value}` |", markdown);
        }

        ReportSchema.AssertValid(json);
        using var document = JsonDocument.Parse(json);
        var added = document.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("change").GetString() == "added");
        Assert.Equal(values.Count, added.GetProperty("settings").GetArrayLength());
    }

    [Fact]
    public void Impact_says_what_breaks_and_what_mends_and_each_card_says_how_to_undo_it()
    {
        var forward = demo.Lcv("diff", "HEAD~5", "HEAD", "--impact", "--format", "html").Output;
        var backward = demo.Lcv("diff", "HEAD", "HEAD~5", "--impact", "--format", "json").Output;

        Assert.Matches("<li class=\"[a-z]+ breaks\">", forward);
        Assert.Contains("Set-CsVoicePolicy -Identity &#x27;Site:Rotterdam&#x27; -AllowSimulRing $false", forward);
        using var json = JsonDocument.Parse(backward);
        Assert.Contains("mends", json.RootElement.GetProperty("changes").EnumerateArray()
            .SelectMany(c => c.GetProperty("impact").EnumerateArray()).Select(n => n.TryGetProperty("effect", out var e) ? e.GetString() : null));
    }

    [Fact]
    public void The_report_header_names_the_deployment_both_snapshots_the_baseline_and_the_ticket()
    {
        Assert.Equal(0, demo.Lcv("baseline", "set", "approved", "HEAD~5").ExitCode);

        var html = demo.Lcv("diff", "HEAD~5", "HEAD", "--format", "html", "--title", "Weekly change review", "--ticket", "CHG0012345").Output;

        Assert.Contains("<h1 id=\"title\">Weekly change review</h1>", html);
        Assert.Contains("<dd id=\"deployment\">Fabrikam</dd>", html);
        Assert.Contains("<dd id=\"ticket\">CHG0012345</dd>", html);
        Assert.Matches("<dd id=\"from\">2026-11-18 [0-9:]{5} \\([0-9a-f]{7}, HEAD~5\\)</dd>", html);
        Assert.Matches("<dd id=\"baseline\">approved: 2026-11-18 [0-9:]{5} \\([0-9a-f]{7}\\)</dd>", html);
    }

    [Fact]
    public void The_weeks_html_report_fills_the_window_prints_on_a4_and_shows_no_hash_longer_than_12_characters()
    {
        var measured = Path.Combine(demo.Folder, "measured.html");
        const string measure = """
            <script>
              const main = document.querySelector('main');
              const cards = [...document.querySelectorAll('article.card')].map(c => c.getBoundingClientRect().width);
              document.body.setAttribute('data-window', window.innerWidth);
              document.body.setAttribute('data-main', Math.round(main.getBoundingClientRect().width));
              document.body.setAttribute('data-narrowest-card', Math.round(Math.min(...cards)));
              const visible = document.createElement('pre');
              visible.id = 'visible-text';
              visible.textContent = document.body.innerText;
              document.body.appendChild(visible);
            </script>
            """;
        File.WriteAllText(measured, File.ReadAllText(demo.WeekReport).Replace("</body>", measure + "</body>", StringComparison.Ordinal));

        var dom = HeadlessChromium.DumpDom(measured, 1400);
        var pdf = Path.Combine(demo.Folder, "week.pdf");
        HeadlessChromium.PrintToPdf(demo.WeekReport, pdf);

        var window = Number(dom, "data-window");
        Assert.Equal(1400, window);
        Assert.True(Number(dom, "data-main") >= window * 0.95, $"the report uses {Number(dom, "data-main")} of {window} pixels");
        Assert.True(Number(dom, "data-narrowest-card") >= window * 0.9, $"a card is only {Number(dom, "data-narrowest-card")} pixels wide");
        var visible = Regex.Match(dom, "<pre id=\"visible-text\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("helpdesk-full.wav (451 bytes)", visible);
        // A hash is a long run of hex digits with letters in it; a phone number is digits only.
        Assert.DoesNotContain(Regex.Matches(visible, "[0-9a-f]{13,}").Select(m => m.Value), run => run.Any(char.IsAsciiLetter));
        var mediaBox = Regex.Match(File.ReadAllText(pdf, System.Text.Encoding.Latin1), @"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]");
        Assert.True(mediaBox.Success, "the PDF names no page size");
        Assert.InRange(double.Parse(mediaBox.Groups[1].Value, CultureInfo.InvariantCulture), 594, 597);   // A4: 210 mm = 595.3 pt
        Assert.InRange(double.Parse(mediaBox.Groups[2].Value, CultureInfo.InvariantCulture), 841, 843);   // 297 mm = 841.9 pt
    }

    [Fact]
    public void Prose_is_marked_word_by_word_and_a_pattern_character_by_character()
    {
        var (_, prose) = LyncConfigVault.Report.InlineHighlighter.Mark("All our agents are busy. Please call again later.", "All our agents are busy right now. Please call us later.");
        var (_, pattern) = LyncConfigVault.Report.InlineHighlighter.Mark(@"^(\d{7})$", @"^(\d{6,7})$");

        Assert.Equal(["right", "now", "us"], prose.Where(p => p.Marked).SelectMany(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => w.Trim('.')).Where(w => w.Length > 0));
        Assert.Equal(["6,"], pattern.Where(p => p.Marked).Select(p => p.Text));
    }

    private static int Number(string dom, string attribute) =>
        int.Parse(Regex.Match(dom, $"{attribute}=\"([0-9]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);

    private static string PromptSize(string yaml) =>
        Regex.Match(yaml, @"AudioFilePrompt:\n(?:\s+\w+: .*\n)*?\s+Size: ([0-9]+)").Groups[1].Value;

    private static List<string> Usages(string yaml) =>
        Regex.Match(yaml, @"\n  PstnUsages:\n((?:  - .*\n)+)").Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()[2..].Trim('\'')).ToList();

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha256();
}
