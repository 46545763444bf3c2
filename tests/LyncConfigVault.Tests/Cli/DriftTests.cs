using LyncConfigVault.Tests.Report;

namespace LyncConfigVault.Tests.Cli;

public sealed class DriftTests(SevenNightsVault nights) : IClassFixture<SevenNightsVault>
{
    private readonly VaultFixture _fixture = nights.Fixture;

    [Fact]
    public void The_latest_export_matches_the_latest_snapshot_exit_0()
    {
        var result = _fixture.Lcv("drift", _fixture.Files[6]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("No differences", result.Output);
    }

    [Fact]
    public void An_older_export_drifts_from_the_latest_snapshot_exit_1()
    {
        var result = _fixture.Lcv("drift", Path.GetDirectoryName(_fixture.Files[5])!, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        ReportSchema.AssertValid(result.Output);
        Assert.Contains("\"oldIdentity\": \"Tag:VP-Dublin-Restricted-R07\"", result.Output);
    }

    [Fact]
    public void Drift_as_html_says_how_to_go_back_to_the_reference()
    {
        var html = _fixture.Lcv("drift", "--against", "HEAD~2", "--format", "html").Output;

        Assert.Contains("Set-CsVoicePolicy -Identity &#x27;Tag:VP-Executives&#x27; -EnableBWPolicyOverride $false", html);
    }

    [Fact]
    public void The_latest_snapshot_drifts_from_an_older_baseline_until_the_baseline_moves()
    {
        Assert.Equal(0, _fixture.Lcv("baseline", "set", "reviewed-2", "HEAD~2", "-m", "CAB-1042 approved").ExitCode);

        var drifted = _fixture.Lcv("drift", "--against", "reviewed-2");
        var moved = _fixture.Lcv("baseline", "set", "reviewed-2");
        var clean = _fixture.Lcv("drift", "--against", "baseline/reviewed-2");
        var list = _fixture.Lcv("baseline", "list");

        Assert.Equal(1, drifted.ExitCode);
        Assert.StartsWith("4 objects differ: 3 modified, 1 renamed", drifted.Output);   // night 6 moved the Edge Server's public address too
        Assert.Contains("(moved from ", moved.Output);
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains($"baseline/reviewed-2  {_fixture.Head()[..7]} 2026-11-24 02:20  set by ", list.Output);
    }

    [Theory]
    [InlineData("drift")]
    [InlineData("drift", "--against", "no-such-baseline")]
    [InlineData("baseline", "set", "bad name!")]
    [InlineData("baseline", "remove", "never-set")]
    public void Bad_drift_and_baseline_input_exits_2(params string[] args)
    {
        var result = _fixture.Lcv(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
