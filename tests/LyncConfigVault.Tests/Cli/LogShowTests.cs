using System.Text.Json;

namespace LyncConfigVault.Tests.Cli;

public sealed class LogShowTests(SevenNightsVault nights) : IClassFixture<SevenNightsVault>
{
    private readonly VaultFixture _fixture = nights.Fixture;

    [Fact]
    public void Log_lists_each_change_of_one_object_newest_first_with_its_commit()
    {
        var commits = _fixture.Commits();

        var result = _fixture.Lcv("log", "Pool dubpool01.fabrikam.com");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Pool dubpool01.fabrikam.com: 3 changes, newest first", lines[0]);
        Assert.Equal($"2026-11-22 02:33  {commits[2].Sha[..7]}  modified", lines[1]);
        Assert.StartsWith("    Machine[Fqdn=dubfe05.fabrikam.com]  added {FaultDomain: dubfe05.fabrikam.com", lines[2]);
        Assert.Equal($"2026-11-20 02:24  {commits[3].Sha[..7]}  modified", lines[3]);
        Assert.Equal($"2026-11-18 02:09  {commits[5].Sha[..7]}  added", lines[^1]);
    }

    [Fact]
    public void Log_follows_a_renamed_policy_back_to_its_old_identity()
    {
        var result = _fixture.Lcv("log", "VoicePolicy", "Tag:VP-Dublin-Restricted-R07", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var history = json.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["renamed", "added"], history.Select(h => h.GetProperty("change").GetString()));
        Assert.Equal("Tag:VP-Dublin-Restricted", history[0].GetProperty("oldIdentity").GetString());
        Assert.Equal("Tag:VP-Dublin-Restricted", history[1].GetProperty("identity").GetString());
    }

    [Fact]
    public void Log_of_a_removed_policy_ends_with_its_removal()
    {
        var result = _fixture.Lcv("log", "ClientPolicy Tag:CP-Lync2010Compat", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(["removed", "added"], json.RootElement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("change").GetString()));
    }

    [Fact]
    public void Show_prints_the_object_of_a_snapshot_matching_its_identity_case_insensitively()
    {
        var result = _fixture.Lcv("show", "HEAD~5", "dialplan site:newyork");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Identity: Site:NewYork\nNoun: DialPlan\n", result.Output);
        Assert.Contains("    Pattern: '^([2-9]\\d{6,7})$'", result.Output);
        Assert.DoesNotContain("Signature", result.Output);
    }

    [Theory]
    [InlineData("log", "VoicePolicy Tag:Nobody", "VoicePolicy Tag:Nobody is not in any snapshot of this vault")]
    [InlineData("log", "VoicePolcy Tag:Intl", "'VoicePolcy' is not an object type lcv knows; try one of ")]
    [InlineData("log", "Intl", "'Intl' does not name an object")]
    public void An_object_that_does_not_exist_is_one_line_and_exit_2(string verb, string name, string message)
    {
        var result = _fixture.Lcv(verb, name);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Show_of_an_object_missing_from_that_snapshot_says_so()
    {
        var result = _fixture.Lcv("show", "HEAD", "ClientPolicy Tag:CP-Lync2010Compat");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("lcv: ClientPolicy Tag:CP-Lync2010Compat is not in the snapshot ", result.Error);
    }
}
