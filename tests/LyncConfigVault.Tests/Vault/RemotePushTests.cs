namespace LyncConfigVault.Tests.Vault;

public sealed class RemotePushTests
{
    [Fact]
    public void Each_run_pushes_its_snapshot_and_the_baselines_to_a_real_git_daemon()
    {
        using var daemon = new GitDaemon();
        using var fixture = new VaultFixture(nights: 2);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);

        var added = fixture.Lcv("remote", "add", "origin", daemon.Url);
        fixture.Lcv("baseline", "set", "approved");
        var second = fixture.Ingest(2);

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"pushed to origin ({daemon.Url})", second.Output);
        Assert.Equal(fixture.Head(), GitDaemon.RevParse(daemon.BareRepository, "refs/heads/main"));
        Assert.Equal(fixture.Commits()[1].Sha, GitDaemon.RevParse(daemon.BareRepository, "refs/tags/baseline/approved^{commit}"));
    }

    [Fact]
    public void An_http_remote_that_asks_for_an_account_gets_the_one_saved_for_it()
    {
        using var server = new GitHttpServer("svc-lcv", "S3cret-push!");
        using var fixture = new VaultFixture(nights: 2);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        var credential = Path.Combine(fixture.Backups, "push.cred");
        LyncConfigVault.Credentials.CredentialStore.Save(credential, new LyncConfigVault.Credentials.LyncCredential("svc-lcv", "S3cret-push!"));

        var refused = fixture.Lcv("remote", "add", "origin", server.Url, "--credential-file", credential);
        var added = fixture.Lcv("remote", "add", "origin", server.Url, "--credential-file", credential, "--allow-unencrypted");
        var second = fixture.Ingest(2);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("lcv: the remote origin is an http:// address: its account would cross the network unencrypted. Use its https:// address, or, on a network you trust, lcv remote add … --allow-unencrypted.\n", refused.Error);
        Assert.True(added.ExitCode == 0, added.Output + added.Error);
        Assert.Equal(0, second.ExitCode);
        Assert.True(server.Challenged > 0, "the server asked for the account");
        Assert.Equal(fixture.Head(), GitDaemon.RevParse(server.BareRepository, "refs/heads/main"));
        Assert.DoesNotContain("S3cret-push!", added.Output + added.Error + second.Output + second.Error + File.ReadAllText(Path.Combine(fixture.Vault, ".git", "config")));
    }

    [Fact]
    public void An_account_typed_in_the_address_goes_to_the_credential_store_and_is_never_printed_or_kept_in_git()
    {
        using var server = new GitHttpServer("svc-lcv", "S3cret-push!");
        using var fixture = new VaultFixture(nights: 2);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        var withAccount = server.Url.Replace("http://", "http://svc-lcv:S3cret-push!@", StringComparison.Ordinal);

        var added = fixture.Lcv("remote", "add", "origin", withAccount, "--allow-unencrypted");
        var second = fixture.Ingest(2);
        var listed = fixture.Lcv("remote", "list");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("The account in the address (svc-lcv) is kept in ", added.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(fixture.Head(), GitDaemon.RevParse(server.BareRepository, "refs/heads/main"));
        Assert.Contains($"origin  {server.Url}", listed.Output);
        Assert.DoesNotContain("S3cret-push!", added.Output + added.Error + second.Output + second.Error + listed.Output + File.ReadAllText(Path.Combine(fixture.Vault, ".git", "config")));
    }

    [Fact]
    public void A_password_git_already_had_in_an_address_is_masked_wherever_lcv_prints_it()
    {
        using var fixture = new VaultFixture(nights: 2);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        using var dead = LoopbackPorts.Dead();
        GitDaemon.Git(fixture.Vault, "remote", "add", "origin", $"https://svc-lcv:S3cret-push!@127.0.0.1:{dead.Port}/vault.git");

        var second = fixture.Ingest(2);
        var listed = fixture.Lcv("remote", "list");

        Assert.Contains($"https://svc-lcv:***@127.0.0.1:{dead.Port}/vault.git", listed.Output);
        Assert.Contains($"push to origin (https://svc-lcv:***@127.0.0.1:{dead.Port}/vault.git) failed", second.Output);
        Assert.DoesNotContain("S3cret-push!", second.Output + second.Error + listed.Output);
    }

    [Fact]
    public void A_credential_file_that_other_accounts_can_read_is_refused_when_the_remote_is_added()
    {
        using var fixture = new VaultFixture(nights: 1);
        var credential = Path.Combine(fixture.Backups, "push.cred");
        LyncConfigVault.Credentials.CredentialStore.Save(credential, new LyncConfigVault.Credentials.LyncCredential("svc-lcv", "S3cret-push!"));
        if (OperatingSystem.IsWindows())
        {
            return;   // DPAPI protects the file there, not its mode
        }

        File.SetUnixFileMode(credential, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var added = fixture.Lcv("remote", "add", "origin", "https://git.contoso.com/uc/lync.git", "--credential-file", credential);

        Assert.Equal(2, added.ExitCode);
        Assert.Contains("other accounts can read this credential file", added.Error);
        Assert.DoesNotContain("S3cret-push!", added.Output + added.Error);
        Assert.Empty(fixture.Lcv("remote", "list").Output.Trim());
    }

    [Fact]
    public void An_http_remote_without_an_account_is_refused_in_one_line_and_the_snapshot_kept()
    {
        using var server = new GitHttpServer("svc-lcv", "S3cret-push!");
        using var fixture = new VaultFixture(nights: 2);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        fixture.Lcv("remote", "add", "origin", server.Url);

        var second = fixture.Ingest(2);

        Assert.Equal(3, second.ExitCode);
        Assert.Contains($"push to origin ({server.Url}) failed:", second.Output);
        Assert.True(server.Challenged > 0);
        Assert.Equal(3, fixture.Commits().Count);
    }

    [Fact]
    public void A_remote_that_is_down_exits_3_keeps_the_snapshot_and_the_next_run_catches_up()
    {
        using var fixture = new VaultFixture(nights: 3);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        using var dead = LoopbackPorts.Dead();
        var port = dead.Port;
        fixture.Lcv("remote", "add", "origin", $"git://127.0.0.1:{port}/remote.git");

        var down = fixture.Ingest(2);

        Assert.Equal(3, down.ExitCode);
        Assert.Contains($"push to origin (git://127.0.0.1:{port}/remote.git) failed:", down.Output);
        Assert.Contains("the snapshot is kept here and the next run tries again", down.Output);
        Assert.Equal(3, fixture.Commits().Count);   // created, night 1, night 2: the failed push took nothing back
    }

    [Fact]
    public void A_remote_holding_other_history_refuses_the_push_and_says_so()
    {
        using var daemon = new GitDaemon();
        using var other = new TempFolder();
        GitDaemon.Git(other.Path, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(other.Path, "x.txt"), "someone else's history\n");
        GitDaemon.Git(other.Path, "add", "x.txt");
        GitDaemon.Git(other.Path, "-c", "user.name=o", "-c", "user.email=o@o", "commit", "-q", "-m", "other");
        GitDaemon.Git(other.Path, "push", "-q", daemon.Url, "main:main");
        using var fixture = new VaultFixture(nights: 1);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);

        var added = fixture.Lcv("remote", "add", "origin", daemon.Url);

        Assert.Equal(3, added.ExitCode);
        Assert.Contains($"push to origin ({daemon.Url}) failed: ", added.Output);
        Assert.NotEqual(fixture.Head(), GitDaemon.RevParse(daemon.BareRepository, "refs/heads/main"));
    }
}
