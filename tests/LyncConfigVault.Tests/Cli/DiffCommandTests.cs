using System.Text.Json;
using LyncConfigVault.Tests.Report;

namespace LyncConfigVault.Tests.Cli;

public sealed class DiffCommandTests(SevenNightsVault nights) : IClassFixture<SevenNightsVault>
{
    private readonly VaultFixture _fixture = nights.Fixture;

    [Fact]
    public void Diff_with_no_revision_shows_last_nights_change_and_exits_1()
    {
        var result = _fixture.Lcv("diff");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.StartsWith("1 object differs: 1 renamed  from 2026-11-23 02:29 (", lines[0]);
        Assert.Contains("> VoicePolicy Tag:VP-Dublin-Restricted-R07, renamed from Tag:VP-Dublin-Restricted", result.Output);
    }

    [Fact]
    public void Impact_in_json_pins_the_failing_test_case_on_the_reordered_policy_and_follows_lcv_diff_1()
    {
        var result = _fixture.Lcv("diff", "HEAD~5", "HEAD", "--impact", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        ReportSchema.AssertValid(result.Output);
        using var json = JsonDocument.Parse(result.Output);
        var policy = json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("identity").GetString() == "Tag:VP-Rotterdam-Intl");
        var notes = policy.GetProperty("impact").EnumerateArray().Select(n => (n.GetProperty("kind").GetString(), n.GetProperty("text").GetString())).ToList();
        Assert.Contains(("tests", "test case Rotterdam-Extension now fails (usage: expected Rotterdam-Local, got Rotterdam-National; route: expected Rotterdam-Local, got Rotterdam-National)"), notes);
        Assert.Contains(notes, n => n.Item1 == "routing" && n.Item2!.EndsWith("from Tag:VP-Rotterdam-Intl: route Rotterdam-Local via rtmgw01.fabrikam.com, rtmgw02.fabrikam.com → route Rotterdam-National via rtmgw01.fabrikam.com, rtmgw02.fabrikam.com", StringComparison.Ordinal));
        Assert.Equal("voice test cases: 23 of 24 pass (before: 24 of 24)", json.RootElement.GetProperty("impact")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Impact_is_a_section_of_the_text_markdown_and_html_reports_and_absent_unless_asked()
    {
        var text = _fixture.Lcv("diff", "HEAD~5", "HEAD", "--impact", "--area", "voice").Output;
        var markdown = _fixture.Lcv("diff", "HEAD~5", "HEAD", "--impact", "--format", "markdown").Output;
        var html = _fixture.Lcv("diff", "HEAD~5", "HEAD", "--impact", "--format", "html").Output;
        var plain = _fixture.Lcv("diff", "HEAD~5", "HEAD", "--format", "json").Output;

        Assert.Contains("      ⇒ test case Rotterdam-Extension now fails", text);
        Assert.Contains("\nimpact\n  ⇒ voice test cases: 23 of 24 pass (before: 24 of 24)", text);
        Assert.Contains("  - ⚠ test case Rotterdam-Extension now fails", markdown);
        Assert.Contains("### Impact", markdown);
        Assert.Contains("<li class=\"tests breaks\">test case Rotterdam-Extension now fails", html);
        Assert.DoesNotContain("\"impact\"", plain);
    }

    [Fact]
    public void Diff_of_a_snapshot_with_itself_says_no_differences_and_exits_0()
    {
        var result = _fixture.Lcv("diff", "HEAD", "HEAD");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("No differences", result.Output);
    }

    [Fact]
    public void Json_output_follows_lcv_diff_1_and_names_the_commits()
    {
        var commits = _fixture.Commits();

        var result = _fixture.Lcv("diff", "HEAD~5", "HEAD", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        ReportSchema.AssertValid(result.Output);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(commits[5].Sha, json.RootElement.GetProperty("from").GetProperty("revision").GetString());
        Assert.Equal(commits[0].Sha, json.RootElement.GetProperty("to").GetProperty("revision").GetString());
        var dialPlan = json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("identity").GetString() == "Site:NewYork" && c.GetProperty("noun").GetString() == "DialPlan");
        var pattern = Assert.Single(dialPlan.GetProperty("properties").EnumerateArray());
        Assert.Equal("NormalizationRules[Name=NewYork-Local].Pattern", pattern.GetProperty("path").GetString());
        Assert.Equal(@"^([2-9]\d{6,7})$", pattern.GetProperty("old").GetString());
    }

    [Fact]
    public void A_date_picks_the_snapshot_valid_at_that_time()
    {
        var byDate = _fixture.Lcv("diff", "2026-11-20T12:00Z", "HEAD", "--format", "json");
        var byRevision = _fixture.Lcv("diff", "HEAD~3", "HEAD", "--format", "json");

        Assert.Equal(byRevision.Output, byDate.Output);
    }

    [Fact]
    public void Area_noun_and_identity_filters_narrow_the_report()
    {
        var topology = _fixture.Lcv("diff", "HEAD~5", "--area", "topology", "--format", "json");
        var executives = _fixture.Lcv("diff", "HEAD~5", "--noun", "VoicePolicy", "--identity", "Tag:*exec*", "--format", "json");

        using var areas = JsonDocument.Parse(topology.Output);
        Assert.All(areas.RootElement.GetProperty("changes").EnumerateArray(), c => Assert.Equal("topology", c.GetProperty("area").GetString()));
        Assert.Equal(3, areas.RootElement.GetProperty("changes").GetArrayLength());   // two pools grew a Front End; the Edge pool moved its public address
        using var one = JsonDocument.Parse(executives.Output);
        Assert.Equal("Tag:VP-Executives", Assert.Single(one.RootElement.GetProperty("changes").EnumerateArray()).GetProperty("identity").GetString());
    }

    [Fact]
    public void Two_export_files_compare_without_any_vault()
    {
        using var folder = new TempFolder();

        var result = TestData.Lcv("diff", _fixture.Files[4], _fixture.Files[5], "--vault", folder.File("no-vault-here"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        ReportSchema.AssertValid(result.Output);
        using var json = JsonDocument.Parse(result.Output);
        var names = json.RootElement.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("noun").GetString()} {c.GetProperty("identity").GetString()}");
        Assert.Equal(_fixture.Nights[5].Changes.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(Path.GetFullPath(_fixture.Files[4]), json.RootElement.GetProperty("from").GetProperty("revision").GetString());
    }

    [Fact]
    public void An_export_file_compares_with_a_snapshot_of_the_vault()
    {
        var result = _fixture.Lcv("diff", "HEAD", Path.GetDirectoryName(_fixture.Files[6])!);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void The_report_goes_to_a_file_in_the_format_its_extension_names()
    {
        using var folder = new TempFolder();
        var path = folder.File("change-review.md");

        var result = _fixture.Lcv("diff", "HEAD~1", "--output", path);

        Assert.Equal(1, result.ExitCode);
        var markdown = File.ReadAllText(path);
        Assert.StartsWith("## Lync configuration changes: Fabrikam\n\n**Deployment:** Fabrikam  \n", markdown);
        Assert.Contains("\n\n1 object differs: 1 renamed, from ", markdown);
        Assert.Contains($"The markdown report is in {path}", result.Output);
    }

    [Theory]
    [InlineData("no-such-tag", "'no-such-tag' is not a snapshot of this vault")]
    [InlineData("2020-01-01", "'2020-01-01' is before the first snapshot of this vault (2026-11-18 02:09).")]
    [InlineData("HEAD~6", "is where the vault was created, before its first snapshot")]
    public void An_unknown_revision_is_one_line_exit_2_and_no_report_file(string revision, string message)
    {
        using var folder = new TempFolder();
        var path = folder.File("report.html");

        var result = _fixture.Lcv("diff", revision, "HEAD", "--output", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.EnumerateFiles(folder.Path));
    }

    [Fact]
    public void A_damaged_export_compared_with_a_good_one_is_one_line_naming_it_and_exit_2()
    {
        using var folder = new TempFolder();
        var damaged = folder.File("CsConfiguration.zip");
        File.WriteAllBytes(damaged, File.ReadAllBytes(_fixture.Files[0])[..500]);

        var result = TestData.Lcv("diff", _fixture.Files[0], damaged, "--vault", folder.File("no-vault"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"lcv: {damaged}", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Two_exports_of_different_kinds_are_refused()
    {
        var topology = TestData.Path("samples/topology-sfb2019-standard-edition.xml");

        var result = TestData.Lcv("diff", _fixture.Files[0], topology);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds a Get-CsTopology -AsXml file but ", result.Error);
        Assert.Contains("compare exports of the same kind", result.Error);
    }
}
