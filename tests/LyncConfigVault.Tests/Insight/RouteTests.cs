using System.Text.Json;

namespace LyncConfigVault.Tests.Insight;

/// <summary>Offline call routing on the generated Fabrikam deployment, against routes worked out by hand from its dial plans, routes and trunks.</summary>
public sealed class RouteTests(SevenNightsVault seven) : IClassFixture<SevenNightsVault>
{
    private VaultFixture Fixture => seven.Fixture;

    private List<JsonElement> Json(params string[] args)
    {
        var result = Fixture.Lcv(["route", .. args, "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal("lcv.route/1", document.RootElement.GetProperty("schema").GetString());
        return document.RootElement.GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Theory]
    [InlineData("1234", "Dublin-Internal-4digit", "+35315551234", "Dublin-Local", "Dublin-Local", "015551234")]
    [InlineData("5550199", "Dublin-Local", "+35315550199", "Dublin-Local", "Dublin-Local", "015550199")]
    [InlineData("0876543210", "Dublin-National", "+353876543210", "Dublin-National", "Dublin-National", "0876543210")]
    [InlineData("00442079460000", "Dublin-International", "+442079460000", "Dublin-International", "Dublin-International", "00442079460000")]
    [InlineData("112", "Dublin-Emergency", "112", "Emergency", "Emergency", "112")]
    public void A_dublin_user_with_international_calling_reaches_the_dublin_gateway(string dialed, string rule, string normalized, string usage, string route, string translated)
    {
        var call = Assert.Single(Json(dialed, "--dial-plan", "Site:Dublin", "--policy", "Tag:VP-Dublin-Intl"));

        Assert.Equal("routed", call.GetProperty("outcome").GetString());
        Assert.Equal((rule, normalized, usage, route, translated), (call.GetProperty("rule").GetString(), call.GetProperty("normalized").GetString(), call.GetProperty("usage").GetString(), call.GetProperty("route").GetString(), call.GetProperty("translated").GetString()));
        Assert.Equal("dubgw01.fabrikam.com", call.GetProperty("gateways")[0].GetString());
    }

    [Fact]
    public void A_restricted_policy_has_no_route_abroad_and_a_number_no_rule_knows_is_not_placed()
    {
        var calls = Json("00442079460000", "99", "--dial-plan", "Site:Dublin", "--policy", "Tag:VP-Dublin-Restricted", "--at", "2026-11-20T12:00");

        Assert.Equal(["no-route", "not-normalized"], calls.Select(c => c.GetProperty("outcome").GetString()));
        Assert.Equal(JsonValueKind.Null, calls[0].GetProperty("route").ValueKind);
    }

    [Fact]
    public void Two_snapshots_show_only_the_numbers_that_route_differently()
    {
        var calls = Json("212555012", "2125550", "--dial-plan", "Site:NewYork", "--policy", "Tag:VP-NewYork-Intl", "--at", "HEAD~5", "--at", "HEAD");

        Assert.Equal(["HEAD~5", "HEAD"], calls.Select(c => c.GetProperty("revision").GetString()));
        Assert.All(calls, c => Assert.Equal("212555012", c.GetProperty("dialed").GetString()));
        Assert.Equal("not-normalized", calls[0].GetProperty("outcome").GetString());
        Assert.Equal("+1212212555012", calls[1].GetProperty("normalized").GetString());
    }

    [Fact]
    public void A_numbers_file_takes_plan_and_policy_per_line_or_from_the_options()
    {
        var file = Path.Combine(Fixture.Backups, "calls.txt");
        File.WriteAllText(file, "# dialed\tdial plan\tvoice policy\n0207946000\tSite:London\tTag:VP-London-Intl\n1234\n\n");

        var calls = Json("--numbers", file, "--dial-plan", "Site:Dublin", "--policy", "Tag:VP-Dublin-Intl");

        Assert.Equal(["Site:London", "Site:Dublin"], calls.Select(c => c.GetProperty("dialPlan").GetString()));
        Assert.Equal("Tag:VP-London-Intl", calls[0].GetProperty("voicePolicy").GetString());
    }

    [Fact]
    public void The_text_view_explains_each_step_in_lync_terms()
    {
        var result = Fixture.Lcv("route", "00442079460000", "--dial-plan", "Site:Dublin", "--policy", "Tag:VP-Dublin-Intl");

        Assert.Contains("routed by Dublin-International to dubgw01.fabrikam.com as 00442079460000", result.Output);
        Assert.Contains("Dial plan Site:Dublin: rule Dublin-International", result.Output);
        Assert.Contains("Trunk configuration Service:PstnGateway:dubgw01.fabrikam.com: rule Dublin-IntlPrefix", result.Output);
    }

    [Fact]
    public void A_policy_present_on_one_side_only_is_policy_missing_there_and_the_comparison_goes_on()
    {
        using var diff = JsonDocument.Parse(Fixture.Lcv("diff", "HEAD~5", "HEAD", "--format", "json").Output);
        var renamed = diff.RootElement.GetProperty("changes").EnumerateArray()
            .First(c => c.GetProperty("noun").GetString() == "VoicePolicy" && c.GetProperty("change").GetString() == "renamed")
            .GetProperty("oldIdentity").GetString()!;

        var calls = Json("0876543210", "--dial-plan", "Site:Dublin", "--policy", renamed, "--at", "HEAD~5", "--at", "HEAD");
        var text = Fixture.Lcv("route", "0876543210", "--dial-plan", "Site:Dublin", "--policy", renamed, "--at", "HEAD~5", "--at", "HEAD");

        Assert.Equal(["HEAD~5", "HEAD"], calls.Select(c => c.GetProperty("revision").GetString()));
        Assert.NotEqual("policy-missing", calls[0].GetProperty("outcome").GetString());
        Assert.Equal("policy-missing", calls[1].GetProperty("outcome").GetString());
        Assert.Contains($"voice policy {renamed} does not exist here", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_missing_from_both_snapshots_is_one_line_exit_2()
    {
        var result = Fixture.Lcv("route", "1234", "--dial-plan", "Site:Dublin", "--policy", "Tag:VP-Atlantis", "--at", "HEAD~1", "--at", "HEAD");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no voice policy Tag:VP-Atlantis in either snapshot", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_malformed_line_of_a_numbers_file_is_named_by_its_number()
    {
        var file = Path.Combine(Fixture.Backups, "bad-calls.txt");
        File.WriteAllText(file, "1234\tSite:Dublin\tTag:VP-Dublin-Intl\n\tSite:Dublin\tTag:VP-Dublin-Intl\n");

        var result = Fixture.Lcv("route", "--numbers", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file} line 2: expected a dialed string", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dial_plan_is_one_line_exit_2()
    {
        var result = Fixture.Lcv("route", "1234", "--dial-plan", "Site:Atlantis", "--policy", "Tag:VP-Dublin-Intl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no dial plan Site:Atlantis in this snapshot", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Lcv_test_exits_1_when_last_weeks_usage_reorder_broke_a_test_case_and_names_it_in_json()
    {
        var result = Fixture.Lcv("test", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal("lcv.test/1", document.RootElement.GetProperty("schema").GetString());
        var failed = document.RootElement.GetProperty("results").EnumerateArray().Where(r => !r.GetProperty("passed").GetBoolean()).ToList();
        var only = Assert.Single(failed);
        Assert.Equal("Rotterdam-Extension", only.GetProperty("identity").GetString());
        Assert.Equal("Rotterdam-National", only.GetProperty("route").GetString());
    }
}
