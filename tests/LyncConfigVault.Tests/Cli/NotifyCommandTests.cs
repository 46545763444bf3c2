using LyncConfigVault.Vault;

namespace LyncConfigVault.Tests.Cli;

public sealed class NotifyCommandTests
{
    [Fact]
    public void Notifiers_added_from_the_command_line_are_committed_settings_a_run_reads()
    {
        using var fixture = new VaultFixture(nights: 2);

        var mail = fixture.Lcv("notify", "add", "mail", "--to", "uc-team@contoso.com", "--smtp", "smtp.contoso.com:587", "--starttls", "--from", "lcv@contoso.com");
        var hook = fixture.Lcv("notify", "add", "webhook", "--url", "https://contoso.webhook.office.com/abc", "--format", "teams", "--events", "failed");
        var exec = fixture.Lcv("notify", "add", "exec", "--command", "/usr/bin/true", "--timeout", "30");

        Assert.All([mail, hook, exec], r => Assert.Equal(0, r.ExitCode));
        var config = VaultConfig.Read(Path.Combine(fixture.Vault, ".lcv", "config.yaml"));
        Assert.Equal([NotifierKind.Mail, NotifierKind.Webhook, NotifierKind.Exec], config.Notify.Select(n => n.Kind));
        Assert.Equal(["uc-team@contoso.com"], config.Notify[0].To);
        Assert.True(config.Notify[0].StartTls);
        Assert.Equal(WebhookFormat.Teams, config.Notify[1].Format);
        Assert.Equal([NoticeKind.Failed], config.Notify[1].Events);
        Assert.Equal(30, config.Notify[2].TimeoutSeconds);
        Assert.StartsWith("# LyncConfigVault vault settings", File.ReadAllText(Path.Combine(fixture.Vault, ".lcv", "config.yaml")));
        Assert.Equal(0, fixture.Ingest(1).ExitCode);   // the vault is clean: the settings are committed
    }

    [Fact]
    public void List_numbers_them_and_remove_takes_one_out()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Lcv("notify", "add", "exec", "--command", "/usr/bin/true");
        fixture.Lcv("notify", "add", "webhook", "--url", "http://127.0.0.1:9/hook");

        var removed = fixture.Lcv("notify", "remove", "1");
        var list = fixture.Lcv("notify", "list");

        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("1  webhook  secret:webhook-1 (http://127.0.0.1:9/…)  events: changed, failed", list.Output);
        Assert.DoesNotContain("exec", list.Output);
    }

    [Fact]
    public void A_webhook_address_is_kept_out_of_the_vault_and_still_reached()
    {
        using var fixture = new VaultFixture(nights: 2);
        const string Token = "https://contoso.webhook.office.com/webhookb2/7d3c-SECRET-TOKEN";

        var added = fixture.Lcv("notify", "add", "webhook", "--url", Token, "--format", "teams");

        Assert.Equal(0, added.ExitCode);
        var config = File.ReadAllText(Path.Combine(fixture.Vault, ".lcv", "config.yaml"));
        Assert.Contains("url: secret:webhook-1", config);
        Assert.DoesNotContain("SECRET-TOKEN", config + added.Output + GitDaemon.Git(fixture.Vault, "log", "-p", "--all"));
        Assert.Equal(Token, File.ReadAllText(Path.Combine(fixture.Vault, ".git", "lcv", "secrets", "webhook-1")));
        Assert.Contains("✔ secrets", fixture.Lcv("doctor").Output);
    }

    [Fact]
    public void A_webhook_address_written_in_the_settings_is_named_by_lcv_doctor()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.AddSettings("notify:\n- kind: webhook\n  url: https://contoso.webhook.office.com/webhookb2/TOKEN\n");

        var doctor = fixture.Lcv("doctor");

        Assert.Equal(1, doctor.ExitCode);
        Assert.Contains("✖ secrets: 1 webhook address(es) written in .lcv/config.yaml, which is committed and pushed", doctor.Output);
    }

    [Theory]
    [InlineData(new[] { "add", "webhook", "--url", "not-a-url" }, "notify entry 1: a webhook needs url: https://")]
    [InlineData(new[] { "add", "mail", "--smtp", "smtp.contoso.com:25" }, "notify entry 1: mail needs to:")]
    [InlineData(new[] { "add", "exec", "--command", "x", "--events", "changed,exploded" }, "'exploded' is not an event")]
    [InlineData(new[] { "remove", "4" }, "The vault has no notifier 4")]
    public void A_bad_notifier_is_one_line_exit_2_and_no_commit(string[] args, string message)
    {
        using var fixture = new VaultFixture(nights: 1);
        var head = fixture.Head();

        var result = fixture.Lcv(["notify", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(head, fixture.Head());
    }
}
