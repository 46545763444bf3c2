using System.Text.Json;
using LibGit2Sharp;
using Microsoft.Extensions.Time.Testing;

namespace LyncConfigVault.Tests.Vault;

/// <summary>
/// Histories as admins make them: settings committed between backups (lcv notify add, an edit of
/// .lcv/config.yaml), which are never snapshots; runs that fail, partly or wholly, and are recorded and heard.
/// </summary>
public sealed class HistoryTests
{
    private static readonly string Hook = "https://contoso.webhook.office.com/lcv";

    /// <summary>Two nights stored, then a notifier added "today" (2030): the settings commit is HEAD.</summary>
    private static VaultFixture TwoNightsThenANotifier(int nights = 4)
    {
        var fixture = new VaultFixture(nights: nights) { Clock = new FakeTimeProvider(TestData.AdminEditTime) };
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        Assert.Equal(0, fixture.Ingest(2).ExitCode);
        Assert.Equal(0, fixture.Lcv("notify", "add", "webhook", "--url", Hook, "--events", "failed").ExitCode);
        return fixture;
    }

    [Fact]
    public void A_settings_commit_dated_today_does_not_stop_the_next_nights_export()
    {
        using var fixture = TwoNightsThenANotifier();

        var result = fixture.Ingest(3);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(fixture.Nights[2].Changes[0], result.Output);
        Assert.Equal(fixture.Nights[2].ExportTime.UtcDateTime, fixture.Commits()[0].When.UtcDateTime, TimeSpan.FromMinutes(5));   // the export's night, not today
    }

    [Fact]
    public void Backfill_after_a_settings_commit_stores_every_newer_backup()
    {
        using var fixture = TwoNightsThenANotifier();

        var result = fixture.Lcv("backfill", fixture.Backups);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Backfill: 2 of 4 backups stored, 2 skipped, 0 not readable.", result.Output);
        Assert.Equal(["lcv: notify webhook added"], fixture.Commits().Select(c => c.MessageShort).Where(m => m.StartsWith("lcv:", StringComparison.Ordinal) && m.Contains("notify", StringComparison.Ordinal)));
    }

    [Fact]
    public void Status_counts_snapshots_only_and_names_the_latest_one()
    {
        using var fixture = TwoNightsThenANotifier();
        var nightTwo = fixture.Commits()[1];

        var status = JsonDocument.Parse(fixture.Lcv("status", "--format", "json").Output).RootElement;

        Assert.Equal(2, status.GetProperty("snapshots").GetInt32());
        Assert.Equal(nightTwo.Sha[..7], status.GetProperty("latestCommit").GetString());
        Assert.Equal(nightTwo.MessageShort, status.GetProperty("latestSummary").GetString());
    }

    [Fact]
    public void Diff_without_revisions_compares_the_two_latest_snapshots_past_a_settings_commit()
    {
        using var fixture = TwoNightsThenANotifier();
        var (nightOne, nightTwo) = (fixture.Commits()[2], fixture.Commits()[1]);

        var json = JsonDocument.Parse(fixture.Lcv("diff", "--format", "json").Output).RootElement;

        Assert.Equal((nightOne.Sha, nightTwo.Sha), (json.GetProperty("from").GetProperty("revision").GetString(), json.GetProperty("to").GetProperty("revision").GetString()));
        Assert.NotEqual(0, json.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public void A_revision_that_names_a_settings_commit_is_refused_with_the_snapshot_it_carries()
    {
        using var fixture = TwoNightsThenANotifier();
        var (settings, nightTwo) = (fixture.Commits()[0], fixture.Commits()[1]);

        var result = fixture.Lcv("diff", "HEAD~1", "HEAD");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"lcv: 'HEAD' ({settings.Sha[..7]}) is a settings commit (lcv: notify webhook added), not a snapshot; the snapshot it carries is {nightTwo.Sha[..7]} of {nightTwo.When.UtcDateTime:yyyy-MM-dd HH:mm}.\n", result.Error);
    }

    [Fact]
    public void A_date_after_a_settings_commit_is_the_latest_snapshot()
    {
        using var fixture = TwoNightsThenANotifier();
        var nightTwo = fixture.Commits()[1];

        var json = JsonDocument.Parse(fixture.Lcv("diff", "2026-11-18T23:00", "2031-01-01", "--format", "json").Output).RootElement;

        Assert.Equal(nightTwo.Sha, json.GetProperty("to").GetProperty("revision").GetString());
    }

    [Fact]
    public void A_baseline_set_without_a_revision_marks_the_latest_snapshot_not_the_settings_commit()
    {
        using var fixture = TwoNightsThenANotifier();
        var nightTwo = fixture.Commits()[1];

        var result = fixture.Lcv("baseline", "set", "approved");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(nightTwo.Sha, GitDaemon.RevParse(fixture.Vault, "baseline/approved^{commit}"));
    }

    [Fact]
    public void A_settings_commit_is_dated_now_says_which_lines_changed_and_is_a_settings_run()
    {
        using var fixture = TwoNightsThenANotifier();

        var commit = fixture.Commits()[0];
        var last = JsonDocument.Parse(fixture.Lcv("runs", "--format", "json").Output).RootElement.GetProperty("runs")[0];

        Assert.Equal(TestData.AdminEditTime, commit.When);
        Assert.Contains("    + - kind: webhook\n    +   url: secret:webhook-1\n", commit.Message);   // the address itself never enters history
        Assert.EndsWith("Lcv-Settings: .lcv/config.yaml\nLcv-Host: " + Environment.MachineName + "\n", commit.Message);
        Assert.Equal(("notify add", "settings", commit.Sha), (last.GetProperty("command").GetString(), last.GetProperty("result").GetString(), last.GetProperty("commit").GetString()));
    }

    [Fact]
    public void A_settings_command_refuses_edits_nobody_committed_and_resets_nothing_away()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Ingest(1);
        var filters = Path.Combine(fixture.Vault, ".lcv", "filters.yaml");
        var edited = File.ReadAllText(filters) + "# the help desk's rule, not committed yet\n";
        File.WriteAllText(filters, edited);
        var head = fixture.Head();

        var result = fixture.Lcv("notify", "add", "webhook", "--url", Hook);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has files edited by hand (.lcv/filters.yaml)", result.Error);
        Assert.Equal(edited, File.ReadAllText(filters));
        Assert.Equal(head, fixture.Head());
    }

    [Fact]
    public void A_settings_command_waits_for_the_run_that_holds_the_lock()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Ingest(1);
        using var holder = RunLockHolder.Start(fixture.Vault, "backup");

        var result = fixture.Lcv("notify", "add", "webhook", "--url", Hook);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("the vault is busy: 'lcv backup'", result.Error);
        Assert.DoesNotContain(Hook, File.ReadAllText(Path.Combine(fixture.Vault, ".lcv", "config.yaml")));
    }

    [Fact]
    public void A_failed_ingest_is_recorded_and_heard_like_a_failed_backup()
    {
        using var fixture = new VaultFixture(nights: 1);
        var seen = Path.Combine(fixture.Backups, "seen.txt");
        var script = Path.Combine(fixture.Backups, "failed.sh");
        File.WriteAllText(script, $"#!/bin/sh\nprintf '%s|%s' \"$LCV_EVENT\" \"$LCV_SUMMARY\" > '{seen}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        fixture.AddSettings($"notify:\n- kind: exec\n  command: {script}\n  events: [failed]\n");
        var damaged = fixture.Write("CsConfiguration.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        var result = TestData.Lcv("ingest", "--vault", fixture.Vault, damaged);

        Assert.Equal(2, result.ExitCode);
        var run = JsonDocument.Parse(fixture.Lcv("runs", "--format", "json").Output).RootElement.GetProperty("runs")[0];
        Assert.Equal(("ingest", "failed"), (run.GetProperty("command").GetString(), run.GetProperty("result").GetString()));
        Assert.StartsWith(damaged, run.GetProperty("summary").GetString());
        Assert.Equal($"failed|lcv ingest failed: {run.GetProperty("summary").GetString()}", File.ReadAllText(seen));
    }

    [Fact]
    public void A_failure_that_is_not_lcvs_own_leaves_a_run_record_too()
    {
        using var fixture = new VaultFixture(nights: 2);
        fixture.Ingest(1);
        Directory.CreateDirectory(Path.Combine(fixture.Vault, ".git", "refs", "heads", "main.lock"));   // Git cannot lock main to move it

        var result = fixture.Ingest(2);

        Assert.Equal(3, result.ExitCode);
        var run = JsonDocument.Parse(fixture.Lcv("runs", "--format", "json").Output).RootElement.GetProperty("runs")[0];
        Assert.Equal("failed", run.GetProperty("result").GetString());
        Assert.StartsWith("Git failed: ", run.GetProperty("summary").GetString());
    }
}

/// <summary>Parts that come and go: user data whose pool no name gives, pools that are retired, parts no run collects any more.</summary>
public sealed class PartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public PartTests() => Assert.Equal(0, TestData.Lcv("init", "--vault", Vault, "--deployment", "Fabrikam").ExitCode);

    private string Vault => _folder.File("vault");

    public void Dispose() => _folder.Dispose();

    private CliResult Backup(params string[] args) => TestData.Lcv(["backup", "--vault", Vault, "--raw", _folder.File("raw"), "--simulate", "--host", "in-process", .. args]);

    private JsonElement Runs() => JsonDocument.Parse(TestData.Lcv("runs", "--vault", Vault, "--format", "json").Output).RootElement.GetProperty("runs");

    [Fact]
    public void User_data_whose_name_gives_no_pool_is_refused_with_the_fix_and_stored_with_pool()
    {
        var users = new LyncConfigVault.Simulation.Users.SyntheticUsers("dubpool01.fabrikam.com", "fabrikam.com", 4, new Random(3)).Populate();
        var file = _folder.File("ExportedUserData.zip");
        File.WriteAllBytes(file, users.Archive(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero), shuffle: false));

        var refused = TestData.Lcv("ingest", "--vault", Vault, file);
        var stored = TestData.Lcv("ingest", "--vault", Vault, "--pool", "dubpool01.fabrikam.com", file);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"lcv: {file}: is an Export-CsUserData archive whose name does not say which Registrar pool it is for: give it with --pool pool01.contoso.com (or name the file UserData-pool01.contoso.com.zip).\n", refused.Error);
        Assert.Equal(0, stored.ExitCode);
        Assert.True(Directory.Exists(Path.Combine(Vault, "users", "dubpool01.fabrikam.com")));
        Assert.False(Directory.Exists(Path.Combine(Vault, "users", "unknown-pool")));
    }

    [Fact]
    public void A_partial_backup_is_partial_in_lcv_runs_with_each_failed_exports_words()
    {
        Assert.Equal(0, Backup().ExitCode);

        Assert.Equal(3, Backup("--fault", "Export-CsRgsConfiguration:lonpool01.fabrikam.com=unreachable").ExitCode);
        var text = TestData.Lcv("runs", "--vault", Vault);
        var detail = TestData.Lcv("runs", "--vault", Vault, "--detail");

        var run = Runs()[0];
        Assert.Equal("partial", run.GetProperty("result").GetString());
        var failure = Assert.Single(run.GetProperty("failures").EnumerateArray());
        Assert.Equal(("Export-CsRgsConfiguration on lonpool01.fabrikam.com", "rgs/lonpool01.fabrikam.com"), (failure.GetProperty("export").GetString(), failure.GetProperty("part").GetString()));
        Assert.StartsWith("The pool lonpool01.fabrikam.com does not answer", failure.GetProperty("reason").GetString());
        Assert.All(text.Output.Split('\n'), line => Assert.True(line.Length <= 110, $"{line.Length} characters: {line}"));
        Assert.Contains("partial", text.Output);
        Assert.Contains("failed: Export-CsRgsConfiguration on lonpool01.fabrikam.com: The pool lonpool01.fabrikam.com does not answer", detail.Output);
    }

    [Fact]
    public void A_part_no_run_collects_turns_stale_and_retiring_it_removes_it_in_one_commit()
    {
        File.AppendAllText(Path.Combine(Vault, ".lcv", "config.yaml"), "collect:\n  staleAfterRuns: 2\n");
        using (var repo = new Repository(Vault))
        {
            Commands.Stage(repo, ".lcv/config.yaml");
            var who = new Signature("admin", "admin@example.invalid", TestData.AdminEditTime);
            repo.Commit("two runs without a part make it stale", who, who);
        }

        Assert.Equal(0, Backup().ExitCode);
        Assert.Equal(0, Backup("--pool", "dubpool01.fabrikam.com").ExitCode);   // lonpool01 and the others are carried forward
        Assert.Equal(0, Backup("--pool", "dubpool01.fabrikam.com").ExitCode);
        var stale = TestData.Lcv("status", "--vault", Vault);
        var doctor = TestData.Lcv("doctor", "--vault", Vault);
        var before = Commits();

        var retire = TestData.Lcv("part", "retire", "--vault", Vault, "rgs/lonpool01.fabrikam.com", "-m", "pool decommissioned (CHG-1042)");

        Assert.Contains("rgs/lonpool01.fabrikam.com: not collected in the last 2 runs", stale.Output);
        Assert.Equal(1, doctor.ExitCode);
        Assert.Contains("✖ stale part: rgs/lonpool01.fabrikam.com: not collected in the last 2 runs", doctor.Output);
        Assert.Equal(0, retire.ExitCode);
        Assert.Equal(before + 1, Commits());
        Assert.False(Directory.Exists(Path.Combine(Vault, "rgs", "lonpool01.fabrikam.com")));
        Assert.False(File.Exists(Path.Combine(Vault, ".lcv", "exports", "rgs-lonpool01.fabrikam.com.yaml")));
        Assert.True(Directory.Exists(Path.Combine(Vault, "rgs", "dubpool01.fabrikam.com")));
        Assert.Equal(0, Backup("--pool", "dubpool01.fabrikam.com").ExitCode);
        Assert.DoesNotContain("lonpool01", TestData.Lcv("status", "--vault", Vault).Output);
        Assert.Contains("✔ working tree", TestData.Lcv("doctor", "--vault", Vault).Output);
    }

    [Fact]
    public void Retiring_a_part_the_vault_does_not_hold_names_the_ones_it_does()
    {
        Assert.Equal(0, Backup("--only", "cms,lis").ExitCode);

        var result = TestData.Lcv("part", "retire", "--vault", Vault, "rgs/oldpool01.fabrikam.com");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("lcv: 'rgs/oldpool01.fabrikam.com' is not a part of the latest snapshot: it holds cms, topology, lis.\n", result.Error);
    }

    [Fact]
    public void The_simulator_moves_to_the_next_night_past_settings_commits_and_nights_without_changes()
    {
        for (var night = 1; night <= 3; night++)
        {
            Assert.Equal(0, Backup("--only", "cms").ExitCode);
        }

        Assert.Equal(0, TestData.Lcv("notify", "add", "webhook", "--vault", Vault, "--url", "https://contoso.webhook.office.com/lcv").ExitCode);

        var nightFour = Backup("--only", "cms");
        var nightFive = Backup("--only", "cms");

        Assert.Contains("no change", nightFour.Output);   // every fourth night nobody changed anything
        var expected = LyncConfigVault.Simulation.SyntheticNights.Generate(1, 5).Last().Changes;
        Assert.All(expected.Where(c => !c.StartsWith("Pool ", StringComparison.Ordinal) && !c.StartsWith("Service ", StringComparison.Ordinal)), change => Assert.Contains(change, nightFive.Output));
    }

    private int Commits()
    {
        using var repo = new Repository(Vault);
        return repo.Commits.Count();
    }
}

/// <summary>Times without a zone (ZIP entries, typed dates) are read in the vault's time zone, else this machine's.</summary>
public sealed class TimeZoneTests
{
    [Fact]
    public void An_export_is_dated_in_the_vaults_time_zone_and_a_typed_date_too()
    {
        using var folder = new TempFolder();
        var vault = folder.File("vault");
        var night = LyncConfigVault.Simulation.SyntheticNights.Generate(1, 1).Single();
        var file = folder.File("CsConfiguration.zip");
        File.WriteAllBytes(file, night.CmsArchive);
        Assert.Equal(0, TestData.Lcv("init", "--vault", vault, "--time-zone", "America/New_York").ExitCode);

        Assert.Equal(0, TestData.Lcv("ingest", "--vault", vault, file).ExitCode);
        var before = TestData.Lcv("diff", "--vault", vault, night.ExportTime.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), "HEAD");
        var after = TestData.Lcv("diff", "--vault", vault, night.ExportTime.AddHours(5).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), "HEAD");

        using var repo = new Repository(vault);
        var when = repo.Head.Tip.Author.When;
        // The archive says 02:xx on the Front End's clock: in New York that is five hours behind UTC in November.
        Assert.Equal((TimeSpan.FromHours(-5), night.ExportTime.UtcDateTime.AddHours(5)), (when.Offset, when.UtcDateTime));
        Assert.Equal(2, before.ExitCode);
        Assert.Contains("is before the first snapshot of this vault", before.Error);
        Assert.Equal(0, after.ExitCode);
    }

    [Fact]
    public void A_time_zone_this_machine_does_not_know_is_refused_before_a_vault_is_made()
    {
        using var folder = new TempFolder();

        var result = TestData.Lcv("init", "--vault", folder.File("vault"), "--time-zone", "Mars/Olympus_Mons");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("lcv: --time-zone: names the time zone 'Mars/Olympus_Mons', which this machine does not know: give the Front Ends' zone as an IANA name (Europe/Dublin), a Windows name (GMT Standard Time) or UTC.\n", result.Error);
        Assert.False(Directory.Exists(folder.File("vault")));
    }
}

/// <summary>What a run must refuse before it writes anything, and what it must store so it reads back.</summary>
public sealed class IntegrityTests
{
    [Fact]
    public void A_policy_whose_name_is_too_long_for_a_file_name_is_stored_under_a_short_one_and_reads_back()
    {
        using var fixture = new VaultFixture(nights: 1);
        var deployment = LyncConfigVault.Simulation.DeploymentFactory.Create(1);
        var name = "VP-" + new string('L', 300);
        deployment.Find("VoicePolicy", "Tag", "VP-Dublin-Intl")!.Key.SetAttributeValue("Name", name);
        deployment.ExportTime = new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);
        var file = fixture.Write("long.zip", LyncConfigVault.Simulation.CmsExportWriter.Write(deployment, LyncConfigVault.Simulation.ExportNoise.None, new Random(3)));

        var first = TestData.Lcv("ingest", "--vault", fixture.Vault, file);
        var again = TestData.Lcv("ingest", "--vault", fixture.Vault, file);
        var shown = fixture.Lcv("show", "HEAD", $"VoicePolicy Tag:{name}");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("no change", again.Output);
        Assert.Equal(0, shown.ExitCode);
        var stored = Assert.Single(Directory.GetFiles(Path.Combine(fixture.Vault, "cms", "voice", "VoicePolicy", "Tag"), "VP-LLL*"));
        Assert.True(Path.GetFileName(stored).Length < 180, stored);
        Assert.StartsWith($"Identity: Tag:{name}\n", File.ReadAllText(stored));
    }

    [Fact]
    public void A_description_ending_in_a_newline_survives_the_vault_and_drift_sees_no_change()
    {
        using var fixture = new VaultFixture(nights: 1);
        var deployment = LyncConfigVault.Simulation.DeploymentFactory.Create(1);
        deployment.Find("VoicePolicy", "Tag", "VP-Dublin-Intl")!.Setting.SetAttributeValue("Description", "International calls\n");
        deployment.ExportTime = new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);
        var file = fixture.Write("newline.zip", LyncConfigVault.Simulation.CmsExportWriter.Write(deployment, LyncConfigVault.Simulation.ExportNoise.None, new Random(3)));
        Assert.Equal(0, TestData.Lcv("ingest", "--vault", fixture.Vault, file).ExitCode);

        var drift = fixture.Lcv("drift", file);

        Assert.Equal(0, drift.ExitCode);
        Assert.Contains("Description: |\n", File.ReadAllText(Path.Combine(fixture.Vault, "cms", "voice", "VoicePolicy", "Tag", "VP-Dublin-Intl.yaml")));
    }

    [Fact]
    public void A_date_no_snapshot_can_have_is_refused_before_anything_is_written()
    {
        using var fixture = new VaultFixture(nights: 1);
        var head = fixture.Head();

        var result = TestData.Lcv("ingest", "--vault", fixture.Vault, "--at", "9999-12-31", fixture.Files[0]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("would be dated 9999-12-31 00:00, outside the years a snapshot can have (2000 to 2099)", result.Error);
        Assert.Equal(head, fixture.Head());
    }

    [Fact]
    public void A_restore_into_a_file_or_into_the_vault_is_refused_in_one_line()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Ingest(1);
        var file = fixture.Write("notes.txt", [1]);

        var intoFile = fixture.Lcv("restore", "HEAD", "--out", file);
        var intoVault = fixture.Lcv("restore", "HEAD", "--out", Path.Combine(fixture.Vault, "restore"));
        var scriptInVault = fixture.Lcv("restore", "HEAD", "--object", "VoicePolicy Tag:VP-Dublin-Intl", "--script", Path.Combine(fixture.Vault, "fix.ps1"));

        Assert.Equal((2, 2, 2), (intoFile.ExitCode, intoVault.ExitCode, scriptInVault.ExitCode));
        Assert.Equal($"lcv: {file}: is a file: give a new or empty folder for the restore.\n", intoFile.Error);
        Assert.Contains("is inside the vault: restore files there would look like edits by hand", intoVault.Error);
        Assert.Contains("is inside the vault", scriptInVault.Error);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
    }
}

/// <summary>lcv doctor: one line per check, what to do when one fails, the Windows-only ones named as skipped here.</summary>
public sealed class DoctorTests
{
    [Fact]
    public void Doctor_reaches_each_remote_and_says_which_one_is_down()
    {
        using var daemon = new GitDaemon();
        using var fixture = new VaultFixture(nights: 1);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        using var dead = LoopbackPorts.Dead();
        Assert.Equal(0, fixture.Lcv("remote", "add", "origin", daemon.Url).ExitCode);
        GitDaemon.Git(fixture.Vault, "remote", "add", "dr-site", $"git://127.0.0.1:{dead.Port}/vault.git");

        var doctor = fixture.Lcv("doctor");

        Assert.Equal(1, doctor.ExitCode);
        Assert.Contains($"✔ remote origin: {daemon.Url} answers and takes the account", doctor.Output);
        Assert.Contains($"✖ remote dr-site: git://127.0.0.1:{dead.Port}/vault.git: ", doctor.Output);
        Assert.Contains("✔ write access:", doctor.Output);
        Assert.Contains("PowerShell 7.6.10 (Microsoft.PowerShell.SDK)", doctor.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Contains("– RTCUniversalServerAdmins: skipped: a Windows domain group", doctor.Output);
        }
    }

    [Fact]
    public void A_vault_owned_by_another_account_opens_as_it_does_for_a_nightly_service_account()
    {
        using var fixture = new VaultFixture(nights: 1);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
        {
            return;   // only root can give the folder to another account here
        }

        using (var chown = System.Diagnostics.Process.Start("chown", ["-R", "65534:65534", fixture.Vault]))
        {
            chown.WaitForExit();
        }

        var status = fixture.Lcv("status");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("Snapshots", status.Output);
    }
}

/// <summary>A vault on a disk that fills up: a small tmpfs of its own (needs root and mount, as CI has; skipped otherwise).</summary>
public sealed class FullDiskTests
{
    [Fact]
    public void A_run_on_a_full_disk_exits_3_saying_so_and_leaves_the_vault_as_it_was()
    {
        using var folder = new TempFolder();
        var disk = Directory.CreateDirectory(folder.File("disk")).FullName;
        if (OperatingSystem.IsWindows() || !Mount(disk))
        {
            return;
        }

        try
        {
            var nights = LyncConfigVault.Simulation.SyntheticNights.Generate(1, 2).ToList();
            var files = nights.Select((n, i) => Path.Combine(folder.Path, $"night{i + 1}.zip")).ToList();
            files.Zip(nights).ToList().ForEach(f => File.WriteAllBytes(f.First, f.Second.CmsArchive));
            var vault = Path.Combine(disk, "vault");
            Assert.Equal(0, TestData.Lcv("init", "--vault", vault, "--time-zone", "UTC").ExitCode);
            Assert.Equal(0, TestData.Lcv("ingest", "--vault", vault, files[0]).ExitCode);
            var head = GitDaemon.RevParse(vault, "HEAD");
            var filler = Path.Combine(disk, "filler");
            using (var fill = new FileStream(filler, FileMode.Create))
            {
                // Written, not sized: tmpfs would keep a sized file sparse. 40 KB left: too little for the next snapshot.
                var left = new DriveInfo(disk).AvailableFreeSpace - (40 << 10);
                var chunk = new byte[64 << 10];
                for (; left > 0; left -= chunk.Length)
                {
                    fill.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
                }
            }

            var full = TestData.Lcv("ingest", "--vault", vault, files[1]);

            Assert.Equal(3, full.ExitCode);
            Assert.StartsWith("lcv: the disk is full", full.Error);
            Assert.Equal(head, GitDaemon.RevParse(vault, "HEAD"));
            Assert.Equal("refs/heads/main", GitDaemon.Git(vault, "symbolic-ref", "HEAD").Trim());
            File.Delete(filler);
            Assert.Equal("", GitDaemon.Git(vault, "status", "--porcelain"));
            Assert.Equal(0, TestData.Lcv("ingest", "--vault", vault, files[1]).ExitCode);
            GitDaemon.Git(vault, "fsck", "--full");
        }
        finally
        {
            Run("umount", disk);
        }
    }

    private static bool Mount(string folder) => Run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", folder) == 0;

    private static int Run(string program, params string[] args)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
