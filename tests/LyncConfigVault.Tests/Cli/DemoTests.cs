namespace LyncConfigVault.Tests.Cli;

public sealed class DemoTests
{
    [Fact]
    public void The_demo_ingests_seven_nights_and_lists_what_changed_each_night()
    {
        using var folder = new TempFolder();
        var vault = Path.Combine(folder.Path, "demo");

        var result = TestData.Lcv("demo", "--vault", vault);

        Assert.Equal(0, result.ExitCode);
        for (var night = 1; night <= 7; night++)
        {
            Assert.Contains($"Night {night} ", result.Output);
        }

        Assert.Contains("first snapshot", result.Output);
        Assert.Contains("Night 4 ", result.Output);
        Assert.Contains("no change", result.Output);
        Assert.Contains("~ changed", result.Output);
        Assert.True(File.Exists(Path.Combine(vault, "cms", "voice", "VoicePolicy", "Global.yaml")));
        Assert.True(File.Exists(Path.Combine(vault, "rgs", "dubpool01.fabrikam.com", "workflows", "Dublin Reception.yaml")));
        Assert.True(File.Exists(Path.Combine(vault, "lis", "locations", "Floor 1, 1 Grand Canal Square, Dublin, IE.yaml")));
        Assert.True(Directory.Exists(Path.Combine(vault, "users", "dubpool01.fabrikam.com")));
        Assert.False(Directory.Exists(Path.Combine(vault, "users", "galsba01.fabrikam.com")));   // a branch appliance homes no user data: Export-CsUserData cannot run there
    }

    [Fact]
    public void The_demo_ends_with_last_nights_report_and_writes_the_weeks_html_report()
    {
        using var folder = new TempFolder();
        var vault = Path.Combine(folder.Path, "demo");

        var result = TestData.Lcv("demo", "--vault", vault);

        var report = result.Output[result.Output.IndexOf("What changed last night", StringComparison.Ordinal)..];
        Assert.Contains("4 objects differ: 3 modified, 1 renamed  from 2026-11-23 02:29 (", report);
        Assert.Contains("> VoicePolicy Tag:VP-Dublin-Restricted-R07, renamed from Tag:VP-Dublin-Restricted", report);
        Assert.Contains("~ RgsQueue Service:ApplicationServer:lonpool01.fabrikam.com/London Helpdesk Queue", report);
        Assert.Contains("Ports[Port=00-1A-2B-00-00-08, Gi1/0/107, InterfaceName]  added", report);
        Assert.Contains("~ UserData user-", report);
        var html = vault + "-changes.html";
        Assert.Contains($"as an HTML report: {html}", result.Output);
        Assert.Contains("<article class=\"card modified\" data-noun=\"DialPlan\" data-identity=\"Site:NewYork\"", File.ReadAllText(html));
    }

    [Fact]
    public void Status_says_when_the_vault_was_last_verified_and_last_changed()
    {
        using var fixture = new VaultFixture(nights: 4);
        TestData.Lcv("backfill", "--vault", fixture.Vault, fixture.Backups);

        var text = TestData.Lcv("status", "--vault", fixture.Vault);
        var json = TestData.Lcv("status", "--vault", fixture.Vault, "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Last verified", text.Output);
        Assert.Contains("Fabrikam", text.Output);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Equal("lcv.status/1", document.RootElement.GetProperty("schema").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("snapshots").GetInt32());
        Assert.Equal("unchanged", document.RootElement.GetProperty("lastRun").GetProperty("result").GetString());
    }

    [Fact]
    public void A_typo_in_a_command_is_a_usage_error_not_drift()
    {
        var result = TestData.Lcv("ingst");

        Assert.Equal(2, result.ExitCode);
    }
}
