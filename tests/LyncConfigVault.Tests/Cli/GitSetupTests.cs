using LibGit2Sharp;

namespace LyncConfigVault.Tests.Cli;

public sealed class GitSetupTests(SevenNightsVault nights) : IClassFixture<SevenNightsVault>
{
    private readonly VaultFixture _fixture = nights.Fixture;

    [Fact]
    public void Plain_git_log_p_shows_one_line_per_lync_value_without_the_noise()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "lcv.exe" : "lcv");
        var setup = _fixture.Lcv("git-setup", "--lcv", $"\"{apphost}\"");

        var log = Git("log", "-p", "-1", "--", "cms/voice");

        Assert.Equal(0, setup.ExitCode);
        Assert.Contains("-PstnUsages[1]: Dublin-Local\n-PstnUsages[2]: Emergency\n+PstnUsages[1]: Emergency\n+PstnUsages[2]: Dublin-Local\n", log);
        Assert.Contains("+VoicePolicy Tag:VP-Dublin-Restricted-R07\n", log);
        Assert.DoesNotContain("Signature", log);
        Assert.DoesNotContain("DocItem", log);
    }

    [Fact]
    public void A_new_vault_already_selects_the_driver_in_gitattributes()
    {
        var attributes = File.ReadAllText(Path.Combine(_fixture.Vault, ".gitattributes"));

        Assert.Contains("cms/**/*.yaml diff=lcv\n", attributes);
        Assert.Contains("topology/**/*.yaml diff=lcv\n", attributes);
        Assert.Contains("textconv", Git("config", "--get", "diff.lcv.textconv"));
    }

    [Fact]
    public void Git_setup_on_an_older_vault_commits_the_attributes_and_diff_still_compares_the_last_two_snapshots()
    {
        using var fixture = new VaultFixture(nights: 2).IngestAll();
        using (var repo = new Repository(fixture.Vault))
        {
            // A vault made before the driver existed: .gitattributes without it.
            File.WriteAllText(Path.Combine(fixture.Vault, ".gitattributes"), "*.yaml text eol=lf\n");
            Commands.Stage(repo, ".gitattributes");
            var who = new Signature("admin", "admin@example.invalid", TestData.AdminEditTime);
            repo.Commit("older vault", who, who);
        }

        var setup = fixture.Lcv("git-setup", "--lcv", "lcv");
        var diff = fixture.Lcv("diff");

        Assert.Contains("(.gitattributes updated and committed)", setup.Output);
        Assert.Contains(".lcv/envelopes/** linguist-generated=true", File.ReadAllText(Path.Combine(fixture.Vault, ".gitattributes")));
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains(fixture.Nights[1].Changes[0], diff.Output);
    }

    private string Git(params string[] args) => GitDaemon.Git(_fixture.Vault, args);
}
