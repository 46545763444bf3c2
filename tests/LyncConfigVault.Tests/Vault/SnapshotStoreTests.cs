using System.Diagnostics;
using System.Text.Json;
using LibGit2Sharp;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Tests.Vault;

public sealed class SnapshotStoreTests
{
    [Fact]
    public void The_first_ingest_commits_every_object_dated_as_the_export()
    {
        using var fixture = new VaultFixture(nights: 1);

        var result = fixture.Ingest(1);

        Assert.Equal(0, result.ExitCode);
        var head = fixture.Commits()[0];
        Assert.StartsWith("first snapshot: ", head.MessageShort);
        Assert.Equal(fixture.Nights[0].ExportTime.UtcDateTime, head.When.UtcDateTime, TimeSpan.FromSeconds(2));
        Assert.True(File.Exists(Path.Combine(fixture.Vault, "cms", "voice", "VoicePolicy", "Tag", "VP-Dublin-Intl.yaml")));
        Assert.True(File.Exists(Path.Combine(fixture.Vault, "topology", "pools", "galsba01.fabrikam.com.yaml")));
        Assert.Contains("Lcv-Export: cms CsConfiguration.zip sha256=", head.Message);
    }

    [Fact]
    public void A_night_with_only_re_export_noise_leaves_no_commit_but_is_recorded()
    {
        using var fixture = new VaultFixture(nights: 4);
        for (var night = 1; night <= 3; night++)
        {
            Assert.Equal(0, fixture.Ingest(night).ExitCode);
        }

        var head = fixture.Head();

        var result = fixture.Ingest(4);

        Assert.Empty(fixture.Nights[3].Changes);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no change", result.Output);
        Assert.Equal(head, fixture.Head());
        var runs = RunHistory.Read(Path.Combine(fixture.Vault, ".git", "lcv"));
        Assert.Equal(RunResult.Unchanged, runs[^1].Result);
        Assert.Equal(4, runs.Count);
    }

    [Fact]
    public void Each_commit_names_exactly_the_objects_the_admin_changed_in_lync_terms()
    {
        using var fixture = new VaultFixture(seed: 21, nights: 6);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        for (var night = 2; night <= 6; night++)
        {
            var before = fixture.Head();

            Assert.Equal(0, fixture.Ingest(night).ExitCode);

            var expected = fixture.Nights[night - 1].Changes;
            if (expected.Count == 0)
            {
                Assert.Equal(before, fixture.Head());
                continue;
            }

            var message = fixture.Commits()[0].Message;
            var listed = message.Split('\n').Where(l => l.Length > 2 && l[0] is '+' or '-' or '~' or '>' && l[1] == ' ').SelectMany(Named).Order(StringComparer.Ordinal);
            Assert.Equal(expected.Order(StringComparer.Ordinal), listed);
        }
    }

    // "> VoicePolicy Tag:Old → Tag:New" names both Identities, as the generator does.
    private static IEnumerable<string> Named(string line)
    {
        var text = line[2..];
        var arrow = text.IndexOf(" → ", StringComparison.Ordinal);
        if (line[0] != '>' || arrow < 0)
        {
            return [text];
        }

        var noun = text[..text.IndexOf(' ', StringComparison.Ordinal)];
        return [text[..arrow], $"{noun} {text[(arrow + 3)..]}"];
    }

    [Fact]
    public void A_commit_message_says_what_changed_inside_each_object_and_names_renames()
    {
        using var fixture = new VaultFixture().IngestAll();

        var commits = fixture.Commits();

        Assert.Contains("~ DialPlan Site:NewYork\n    NormalizationRules[Name=NewYork-Local].Pattern: ^([2-9]\\d{6,7})$ → ^([2-9]\\d{6,8})$\n", commits[3].Message);
        Assert.StartsWith("voice: 1 renamed (VoicePolicy Tag:VP-Dublin-Restricted → Tag:VP-Dublin-Restricted-R07)", commits[0].MessageShort);
        Assert.Contains("\n> VoicePolicy Tag:VP-Dublin-Restricted → Tag:VP-Dublin-Restricted-R07\n    PstnUsages: Dublin-Local, Emergency → Emergency, Dublin-Local\n", commits[0].Message);
    }

    [Fact]
    public void A_commit_rewrites_only_the_files_of_objects_that_really_changed()
    {
        using var fixture = new VaultFixture(nights: 3);
        fixture.Ingest(1);
        fixture.Ingest(2);

        fixture.Ingest(3);

        using var repo = new Repository(fixture.Vault);
        var head = repo.Head.Tip;
        var touched = repo.Diff.Compare<TreeChanges>(head.Parents.Single().Tree, head.Tree).Select(c => c.Path).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                ".lcv/envelopes/cms/voice/DialPlan/Site/NewYork.yaml", ".lcv/envelopes/cms/voice/VoicePolicy/Site/Rotterdam.yaml",   // the pool sits where it sat: same envelope
                ".lcv/exports/cms.yaml", "cms/voice/DialPlan/Site/NewYork.yaml", "cms/voice/VoicePolicy/Site/Rotterdam.yaml", "topology/pools/dubpool01.fabrikam.com.yaml",
            ],
            touched);
    }

    [Fact]
    public void The_commit_message_summarizes_by_area_with_identities()
    {
        using var fixture = new VaultFixture(seed: 21, nights: 2);
        fixture.Ingest(1);

        fixture.Ingest(2);

        var commit = fixture.Commits()[0];
        var expectedAreas = fixture.Nights[1].Changes.Count;
        Assert.Matches(@"^[a-z]+: \d+ (added|removed|changed|renamed)", commit.MessageShort);
        Assert.Contains("Lcv-Version: 0.1.0", commit.Message);
        Assert.True(expectedAreas > 0);
    }

    [Fact]
    public void A_topology_file_alone_carries_the_cms_forward_and_says_it_is_stale()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Ingest(1);
        var deployment = DeploymentFactory.Create(1);
        deployment.TopologyWrapper("Clusters").Elements().First().Add(TopologyFactory.Machine(9, "dubfe09.fabrikam.com"));
        var topology = fixture.Write("Topology.xml", System.Text.Encoding.UTF8.GetBytes(deployment.PublishedTopology().ToString()));
        var cmsFiles = Directory.GetFiles(Path.Combine(fixture.Vault, "cms"), "*.yaml", SearchOption.AllDirectories).Length;

        var result = TestData.Lcv("ingest", "--vault", fixture.Vault, "--at", "2026-12-01T02:00", topology);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cms: not requested in this run; carried forward from the previous snapshot", result.Output);
        var commit = fixture.Commits()[0];
        Assert.StartsWith("topology: 1 changed (Pool dubpool01.fabrikam.com)", commit.MessageShort);
        Assert.Contains("Lcv-Stale: cms (not requested in this run; carried forward from the previous snapshot)", commit.Message);
        Assert.Equal(cmsFiles, Directory.GetFiles(Path.Combine(fixture.Vault, "cms"), "*.yaml", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void An_export_older_than_the_latest_snapshot_is_refused()
    {
        using var fixture = new VaultFixture(nights: 2);
        fixture.Ingest(2);
        var head = fixture.Head();

        var result = fixture.Ingest(1);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("before the latest snapshot", result.Error);
        Assert.Equal(head, fixture.Head());
    }

    [Fact]
    public void A_second_run_is_refused_while_another_process_holds_the_lock()
    {
        using var fixture = new VaultFixture(nights: 1);
        using var holder = RunLockHolder.Start(fixture.Vault, "backup");

        var result = fixture.Ingest(1);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"lcv: the vault is busy: 'lcv backup' (process {holder.ProcessId} on {Environment.MachineName}, user svc-lcv) has held its lock since 2030-06-03 09:30:00. Wait for it to finish.\n", result.Error);
    }

    [Fact]
    public void A_run_that_died_holding_the_lock_lets_the_next_run_in_with_a_warning()
    {
        using var fixture = new VaultFixture(nights: 1);
        var state = Path.Combine(fixture.Vault, ".git", "lcv");
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "lock.holder"), JsonSerializer.Serialize(new LockHolder(int.MaxValue - 7, Environment.MachineName, "svc-lcv", "backup", TestData.AdminEditTime)));

        var result = fixture.Ingest(1);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"warning: the last run ('lcv backup', process {int.MaxValue - 7} on {Environment.MachineName}, started 2030-06-03 09:30:00) ended without finishing; its lock went with it.", result.Output);
        Assert.False(fixture.Locked);
    }

    [Fact]
    public void Runs_started_together_never_lose_a_commit()
    {
        using var fixture = new VaultFixture(nights: 6);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);

        var results = Enumerable.Range(2, 5).AsParallel().WithDegreeOfParallelism(5).Select(fixture.Ingest).ToList();

        Assert.All(results, r => Assert.True(r.ExitCode is 0 or 2 or 3, r.Error));   // stored, older than what a faster run stored, or busy
        using var repo = new Repository(fixture.Vault);
        var onBranch = repo.Commits.QueryBy(new CommitFilter { SortBy = CommitSortStrategies.Topological }).Select(c => c.Sha).ToHashSet();
        var committed = RunHistory.Read(Path.Combine(fixture.Vault, ".git", "lcv")).Where(r => r.Commit is not null).Select(r => r.Commit!).ToList();
        Assert.All(committed, sha => Assert.Contains(sha, onBranch));
        Assert.Equal(committed.Count + 1, onBranch.Count);   // the vault's creation, then one commit per run that committed (.gitattributes, the nights)
    }

    [Fact]
    public void A_run_killed_while_writing_files_is_put_right_by_the_next_run_index_lock_and_all()
    {
        using var fixture = new VaultFixture(nights: 2);
        fixture.Ingest(1);
        var policy = Path.Combine(fixture.Vault, "cms", "voice", "VoicePolicy", "Global.yaml");
        var original = File.ReadAllText(policy);
        // What a run killed mid-checkout leaves: HEAD detached, a file half written, Git's index lock, lcv's marker.
        GitDaemon.Git(fixture.Vault, "checkout", "-q", "--detach", "HEAD");
        File.WriteAllText(policy, "half written");
        File.WriteAllText(Path.Combine(fixture.Vault, ".git", "index.lock"), "");
        File.WriteAllText(Path.Combine(fixture.Vault, ".git", "lcv", "checkout-pending"), fixture.Head());

        var result = fixture.Ingest(2);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: an earlier run was stopped while writing files; the working tree matches the latest commit on main again.", result.Output);
        Assert.Equal(original, File.ReadAllText(policy));
        Assert.Equal("refs/heads/main", GitDaemon.Git(fixture.Vault, "symbolic-ref", "HEAD").Trim());
        Assert.Equal("", GitDaemon.Git(fixture.Vault, "status", "--porcelain"));
    }

    [Fact]
    public void A_run_refuses_a_detached_head_a_foreign_branch_or_a_held_index_and_changes_nothing()
    {
        using var fixture = new VaultFixture(nights: 2);
        fixture.Ingest(1);
        var head = fixture.Head();

        GitDaemon.Git(fixture.Vault, "checkout", "-q", "--detach", "HEAD~1");
        var detached = fixture.Ingest(2);
        GitDaemon.Git(fixture.Vault, "checkout", "-q", "-b", "look-around", "main");
        var branch = fixture.Ingest(2);
        GitDaemon.Git(fixture.Vault, "checkout", "-q", "main");
        File.WriteAllText(Path.Combine(fixture.Vault, ".git", "index.lock"), "");
        var locked = fixture.Ingest(2);

        Assert.Equal((2, 2, 3), (detached.ExitCode, branch.ExitCode, locked.ExitCode));
        Assert.Contains("has HEAD detached at", detached.Error);
        Assert.Contains("has the branch look-around checked out: lcv stores snapshots on main.", branch.Error);
        Assert.Contains("Git's index is locked", locked.Error);
        Assert.Equal(head, fixture.Head());
    }

    [Fact]
    public void A_git_failure_before_main_moves_leaves_head_index_and_files_as_they_were()
    {
        using var fixture = new VaultFixture(nights: 2);
        fixture.Ingest(1);
        var head = fixture.Head();
        var before = fixture.WorkingTree();
        Directory.CreateDirectory(Path.Combine(fixture.Vault, ".git", "refs", "heads", "main.lock"));   // Git cannot lock main to move it

        var result = fixture.Ingest(2);

        Directory.Delete(Path.Combine(fixture.Vault, ".git", "refs", "heads", "main.lock"));
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("lcv: Git failed: ", result.Error);
        Assert.Equal(head, fixture.Head());
        Assert.Equal("refs/heads/main", GitDaemon.Git(fixture.Vault, "symbolic-ref", "HEAD").Trim());
        Assert.Equal(before, fixture.WorkingTree());
        Assert.Equal("", GitDaemon.Git(fixture.Vault, "status", "--porcelain"));
        Assert.Equal(0, fixture.Ingest(2).ExitCode);
    }

    [Fact]
    public void A_custom_volatile_rule_keeps_a_value_out_of_change_detection()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Ingest(1);
        var filters = Path.Combine(fixture.Vault, ".lcv", "filters.yaml");
        File.WriteAllText(filters, File.ReadAllText(filters).Replace("custom: []", "custom:\n- kind: volatile\n  noun: VoicePolicy\n  path: VoicePolicy.Description\n  reason: Descriptions are edited freely by the help desk.\n"));
        CommitByHand(fixture.Vault, "Help desk descriptions are noise");
        var deployment = DeploymentFactory.Create(1);
        deployment.Find("VoicePolicy", "Tag", "VP-Dublin-Intl")!.Setting.SetAttributeValue("Description", "edited");
        deployment.ExportTime = DateTimeOffset.Parse("2026-12-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var head = fixture.Head();
        var file = fixture.Write("edited.zip", CmsExportWriter.Write(deployment, ExportNoise.None, new Random(3)));

        var result = TestData.Lcv("ingest", "--vault", fixture.Vault, file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no change", result.Output);
        Assert.Equal(head, fixture.Head());
    }

    [Fact]
    public void A_custom_rule_without_a_reason_is_refused()
    {
        using var fixture = new VaultFixture(nights: 1);
        var filters = Path.Combine(fixture.Vault, ".lcv", "filters.yaml");
        File.WriteAllText(filters, File.ReadAllText(filters).Replace("custom: []", "custom:\n- kind: drop\n  path: VoicePolicy.Description\n"));
        CommitByHand(fixture.Vault, "rule");

        var result = fixture.Ingest(1);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("filters.yaml: custom rule 1 needs a path and a reason", result.Error);
    }

    [Fact]
    public void A_secret_value_is_stored_only_as_its_hash()
    {
        using var fixture = new VaultFixture(nights: 1);
        var deployment = DeploymentFactory.Create(1);
        deployment.Of("VoiceConfiguration").Single().Setting.SetAttributeValue("GatewayPassword", "Pa55w0rd!");
        deployment.Of("VoiceConfiguration").Single().Setting.SetAttributeValue("Certificate", Convert.ToBase64String(new byte[600]));
        var file = fixture.Write("secret.zip", CmsExportWriter.Write(deployment, ExportNoise.None, new Random(3)));

        Assert.Equal(0, TestData.Lcv("ingest", "--vault", fixture.Vault, file).ExitCode);

        var yaml = File.ReadAllText(Path.Combine(fixture.Vault, "cms", "voice", "VoiceConfiguration", "Global.yaml"));
        Assert.DoesNotContain("Pa55w0rd!", yaml);
        Assert.DoesNotContain("AAAAAAAA", yaml);
        Assert.Contains("GatewayPassword: redacted:sha256:", yaml);
        Assert.Contains("Certificate: redacted:sha256:", yaml);
    }

    private static void CommitByHand(string vault, string message)
    {
        using var repo = new Repository(vault);
        Commands.Stage(repo, "*");
        var signature = new LibGit2Sharp.Signature("Admin", "admin@fabrikam.com", TestData.AdminEditTime);
        repo.Commit(message, signature, signature);
    }
}
