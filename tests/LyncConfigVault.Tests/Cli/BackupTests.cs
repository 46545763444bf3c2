using LibGit2Sharp;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Tests.Cli;

public sealed class BackupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public BackupTests() => Assert.Equal(0, TestData.Lcv("init", "--vault", Vault, "--deployment", "Fabrikam").ExitCode);

    private string Vault => _folder.File("vault");

    private string Raw => _folder.File("raw");

    public void Dispose() => _folder.Dispose();

    private CliResult Backup(params string[] args) => TestData.Lcv(["backup", "--vault", Vault, "--raw", Raw, "--simulate", .. args]);

    private string Head()
    {
        using var repo = new Repository(Vault);
        return repo.Head.Tip.Sha;
    }

    [Theory]
    [InlineData("in-process")]
    [InlineData("pwsh")]
    public void A_simulated_backup_collects_the_demo_deployment_night_after_night(string host)
    {
        var first = Backup("--host", host);
        var second = Backup("--host", host);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"[1/8] Export-CsConfiguration ({host})", first.Output);
        Assert.Contains($"[2/8] Get-CsTopology ({host})", first.Output);
        Assert.Contains($"[4/8] Export-CsRgsConfiguration on dubpool01.fabrikam.com ({host})", first.Output);
        Assert.Contains($"[8/8] Export-CsLisConfiguration ({host})", first.Output);
        Assert.Contains("first snapshot: 277 objects", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("> renamed VoicePolicy Tag:VP-Galway-National → Tag:VP-Galway-National-R02", second.Output);
        Assert.Contains("~ changed RgsQueue Service:ApplicationServer:dubpool01.fabrikam.com/Dublin Helpdesk Queue", second.Output);
        Assert.All(Directory.GetDirectories(Raw), d => Assert.All(
            ["CsConfiguration.zip", "Topology.xml", "RgsConfig-lonpool01.fabrikam.com.zip", "E911Config.zip", "run.log"],
            f => Assert.True(File.Exists(Path.Combine(d, f)), f)));
    }

    [Fact]
    public void Refused_exports_exit_3_in_the_cmdlets_words_and_leave_the_vault_as_it_was()
    {
        Assert.Equal(0, Backup("--host", "in-process").ExitCode);
        var head = Head();

        var result = Backup("--host", "in-process", "--only", "cms,topology", "--fault", "Export-CsConfiguration=access-denied", "--fault", "Get-CsTopology=access-denied");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Export-CsConfiguration failed: Access denied. The account ", result.Output);
        Assert.Contains("is not a member of RTCUniversalServerAdmins", result.Output);
        Assert.Contains("Get-CsTopology failed: Access denied.", result.Output);
        Assert.Equal(head, Head());
        var last = RunHistory.Read(Path.Combine(Vault, ".git", "lcv"))[^1];
        Assert.Equal((RunResult.Failed, "backup"), (last.Result, last.Command));
    }

    [Fact]
    public void When_the_cms_export_hangs_the_topology_is_still_stored_and_the_cms_carried_forward()
    {
        Assert.Equal(0, Backup("--host", "in-process").ExitCode);

        var result = Backup("--host", "in-process", "--only", "cms,topology", "--timeout", "2", "--fault", "Export-CsConfiguration=hang");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Export-CsConfiguration failed: did not finish within 2 s and was stopped — the other exports were stored", result.Output);
        Assert.Contains("topology: 1 changed (Pool lonpool01.fabrikam.com)", result.Output);
        Assert.Contains("cms: its export failed in this run (did not finish within 2 s and was stopped); carried forward from the previous snapshot", result.Output);
        using var repo = new Repository(Vault);
        Assert.Contains("Lcv-Stale: cms (its export failed in this run (did not finish within 2 s and was stopped); carried forward from the previous snapshot)", repo.Head.Tip.Message);
    }

    [Fact]
    public void A_hanging_export_is_stopped_at_its_timeout()
    {
        var result = Backup("--host", "in-process", "--timeout", "2", "--fault", "Export-CsConfiguration=hang");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Export-CsConfiguration failed: did not finish within 2 s and was stopped", result.Output);
    }

    [Fact]
    public void Raw_archives_past_their_days_go_only_after_a_fully_successful_run()
    {
        var old = Directory.CreateDirectory(Path.Combine(Raw, "2020-01-01-000000")).FullName;

        Backup("--host", "in-process", "--fault", "Export-CsConfiguration=truncated");
        var keptAfterFailure = Directory.Exists(old);
        Backup("--host", "in-process");

        Assert.True(keptAfterFailure);
        Assert.False(Directory.Exists(old));
    }

    [Fact]
    public void Without_the_lync_module_the_backup_says_where_to_run_and_exits_3()
    {
        var result = TestData.Lcv("backup", "--vault", Vault, "--raw", Raw, "--host", "in-process");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("The Lync PowerShell module could not be loaded", result.Error);
        Assert.Contains("try --simulate", result.Error);
    }

    [Fact]
    public void Runs_lists_every_run_newest_first_failed_ones_too()
    {
        Backup("--host", "in-process");
        Backup("--host", "in-process", "--only", "cms,topology", "--fault", "Export-CsConfiguration=access-denied", "--fault", "Get-CsTopology=no-file");

        var text = TestData.Lcv("runs", "--vault", Vault);
        var json = TestData.Lcv("runs", "--vault", Vault, "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.True(text.Output.IndexOf("failed", StringComparison.Ordinal) < text.Output.IndexOf("committed", StringComparison.Ordinal));
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Equal("lcv.runs/1", document.RootElement.GetProperty("schema").GetString());
        Assert.Equal(["failed", "committed"], document.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("result").GetString()));
        Assert.Contains("Get-CsTopology failed: ", document.RootElement.GetProperty("runs")[0].GetProperty("summary").GetString());
    }

    [Fact]
    public void Only_runs_the_exports_named()
    {
        var result = Backup("--host", "in-process", "--only", "topology");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[1/1] Get-CsTopology (in-process)", result.Output);
        Assert.DoesNotContain("Export-CsConfiguration", result.Output);
    }

    [Fact]
    public void The_vaults_collect_settings_are_the_defaults_and_the_command_line_wins()
    {
        File.AppendAllText(Path.Combine(Vault, ".lcv", "config.yaml"), "collect:\n  exports: [topology]\n  host: in-process\n  timeoutSeconds: 120\n");
        using (var repo = new Repository(Vault))
        {
            Commands.Stage(repo, ".lcv/config.yaml");
            var who = new Signature("admin", "admin@example.invalid", TestData.AdminEditTime);
            repo.Commit("collect the topology only, in-process", who, who);
        }

        var fromSettings = Backup();
        var overridden = Backup("--only", "cms,topology");

        Assert.Contains("[1/1] Get-CsTopology (in-process)", fromSettings.Output);
        Assert.Contains("[1/2] Export-CsConfiguration (in-process)", overridden.Output);
    }

    [Fact]
    public void An_export_lcv_does_not_know_is_refused_before_anything_runs()
    {
        var result = Backup("--host", "in-process", "--only", "cms,voicemail");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'voicemail' is not an export lcv knows", result.Error);
        Assert.False(Directory.Exists(Raw));
    }

    [Fact]
    public void A_pool_that_does_not_answer_fails_alone_and_its_response_groups_are_carried_forward()
    {
        Assert.Equal(0, Backup("--host", "in-process").ExitCode);

        var result = Backup("--host", "in-process", "--fault", "Export-CsRgsConfiguration:lonpool01.fabrikam.com=unreachable");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Export-CsRgsConfiguration on lonpool01.fabrikam.com failed: The pool lonpool01.fabrikam.com does not answer", result.Output);
        Assert.Contains("rgs/lonpool01.fabrikam.com: its export failed in this run (The pool lonpool01.fabrikam.com does not answer", result.Output);
        Assert.Contains("~ changed RgsQueue Service:ApplicationServer:dubpool01.fabrikam.com/Dublin Helpdesk Queue", result.Output);
        var queue = File.ReadAllText(Path.Combine(Vault, "rgs", "lonpool01.fabrikam.com", "queues", "London Helpdesk Queue.yaml"));
        var sha = System.Text.RegularExpressions.Regex.Match(queue, "Sha256: '?([0-9a-f]{64})").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(Vault, ".lcv", "blobs", sha)), "the prompt's bytes are kept once, by hash");
    }

    [Fact]
    public void User_data_is_collected_only_when_asked_for_per_registrar_pool_and_pseudonymized()
    {
        var result = Backup("--host", "in-process", "--only", "cms,users", "--pool", "dubpool01.fabrikam.com");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[2/2] Export-CsUserData on dubpool01.fabrikam.com (in-process)", result.Output);
        var files = Directory.GetFiles(Path.Combine(Vault, "users", "dubpool01.fabrikam.com"));
        Assert.Equal(13, files.Length);
        Assert.All(files.Where(f => !f.EndsWith("summary.yaml", StringComparison.Ordinal)), f => Assert.StartsWith("user-", Path.GetFileName(f)));
        Assert.DoesNotContain("@fabrikam.com", string.Concat(files.Select(File.ReadAllText)));
    }

    [Fact]
    public void A_pool_the_deployment_does_not_have_is_named()
    {
        var result = Backup("--host", "in-process", "--only", "rgs", "--pool", "dubpool99.fabrikam.com");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--pool dubpool99.fabrikam.com: the deployment has no ApplicationServer or UserServer pool of that name", result.Error);
    }

    [Fact]
    public void A_fault_without_simulate_is_a_usage_error()
    {
        var result = TestData.Lcv("backup", "--vault", Vault, "--fault", "Export-CsConfiguration=hang");

        Assert.Equal(2, result.ExitCode);
    }
}
