using System.Net;
using System.Text.Json;
using LibGit2Sharp;
using LyncConfigVault.Simulation;
using LyncConfigVault.Tests.Report;

namespace LyncConfigVault.Tests.Notify;

public sealed class NotifierTests
{
    /// <summary>A real HTTP listener on loopback that keeps every request body it receives.</summary>
    private sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _loop;

        public WebhookReceiver()
        {
            _listener = LoopbackPorts.Start(port =>
            {
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
                listener.Start();
                return listener;
            });
            Url = _listener.Prefixes.Single();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        using var reader = new StreamReader(context.Request.InputStream);
                        Bodies.Add(await reader.ReadToEndAsync());
                        context.Response.StatusCode = 200;
                        context.Response.Close();
                    }
                    catch (HttpListenerException)
                    {
                        return;
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                }
            });
        }

        public string Url { get; }

        public System.Collections.Concurrent.ConcurrentBag<string> Bodies { get; } = [];

        public void Dispose()
        {
            // Close alone: Stop and then Close take the prefixes away twice, and the managed listener's second
            // removal binds the port again to look it up, which fails when another test has the port by then.
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public void A_webhook_kept_as_a_secret_is_posted_to_at_its_real_address()
    {
        using var receiver = new WebhookReceiver();
        using var fixture = new VaultFixture(nights: 2);
        Assert.Equal(0, fixture.Lcv("notify", "add", "webhook", "--url", receiver.Url, "--events", "changed").ExitCode);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);

        Assert.Equal(0, fixture.Ingest(2).ExitCode);

        Assert.Equal("changed", System.Text.Json.JsonDocument.Parse(Assert.Single(receiver.Bodies)).RootElement.GetProperty("event").GetString());
    }

    [Fact]
    public void A_change_posts_lcv_event_1_with_the_diff_to_a_real_listener()
    {
        using var receiver = new WebhookReceiver();
        using var fixture = new VaultFixture(nights: 2);
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {receiver.Url}\n  events: [changed]\n");
        Assert.Equal(0, fixture.Ingest(1).ExitCode);

        Assert.Equal(0, fixture.Ingest(2).ExitCode);

        var body = Assert.Single(receiver.Bodies);   // the first snapshot is not news
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(("lcv.event/1", "changed", fixture.Head()), (root.GetProperty("schema").GetString(), root.GetProperty("event").GetString(), root.GetProperty("commit").GetString()));
        Assert.Equal(fixture.Commits()[0].MessageShort, root.GetProperty("summary").GetString());
        ReportSchema.AssertValid(root.GetProperty("diff").GetRawText());
        Assert.Contains(root.GetProperty("diff").GetProperty("changes").EnumerateArray(), c => c.GetProperty("change").GetString() == "renamed");
    }

    [Fact]
    public void A_change_that_breaks_a_voice_test_case_says_so_in_its_notice()
    {
        using var receiver = new WebhookReceiver();
        using var fixture = new VaultFixture(nights: 6);
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {receiver.Url}\n  events: [changed]\n");

        for (var night = 1; night <= 6; night++)
        {
            Assert.Equal(0, fixture.Ingest(night).ExitCode);
        }

        var notes = receiver.Bodies.SelectMany(body =>
        {
            using var json = JsonDocument.Parse(body);
            ReportSchema.AssertValid(json.RootElement.GetProperty("diff").GetRawText());
            return json.RootElement.GetProperty("diff").GetProperty("changes").EnumerateArray()
                .SelectMany(c => c.GetProperty("impact").EnumerateArray()).Select(n => n.GetProperty("text").GetString()!).ToList();
        }).ToList();
        Assert.Single(notes, n => n.StartsWith("test case Rotterdam-Extension now fails", StringComparison.Ordinal));
    }

    [Fact]
    public void The_teams_format_is_a_message_card_with_a_fact_per_object()
    {
        using var receiver = new WebhookReceiver();
        using var fixture = new VaultFixture(nights: 2);
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {receiver.Url}\n  format: teams\n");
        fixture.Ingest(1);

        fixture.Ingest(2);

        using var card = JsonDocument.Parse(Assert.Single(receiver.Bodies));
        Assert.Equal("MessageCard", card.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Lync configuration changed: Fabrikam", card.RootElement.GetProperty("title").GetString());
        var facts = card.RootElement.GetProperty("sections")[0].GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("VoicePolicy Tag:VP-Galway-National-R02", facts);
    }

    [Fact]
    public void The_teams_card_gives_each_change_its_values()
    {
        using var receiver = new WebhookReceiver();
        using var fixture = new VaultFixture(nights: 3);
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {receiver.Url}\n  format: teams\n");
        fixture.Ingest(1);
        fixture.Ingest(2);
        var before = SimulRing(fixture, "HEAD");

        fixture.Ingest(3);

        var after = SimulRing(fixture, "HEAD");
        var card = receiver.Bodies.Select(b => JsonDocument.Parse(b)).Single(c => c.RootElement.GetProperty("sections")[0].GetProperty("facts").GetArrayLength() > 2);
        var facts = card.RootElement.GetProperty("sections")[0].GetProperty("facts").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.NotEqual(before, after);
        Assert.Equal($"modified: AllowSimulRing {before} → {after}", facts["VoicePolicy Site:Rotterdam"]);
        Assert.StartsWith("modified: NormalizationRules[Name=NewYork-Local].Pattern ", facts["DialPlan Site:NewYork"]);
    }

    [Fact]
    public void A_drop_rule_added_is_one_settings_change_not_an_admin_change_per_object()
    {
        using var receiver = new WebhookReceiver();
        using var fixture = new VaultFixture(nights: 1);
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {receiver.Url}\n  events: [changed]\n");
        fixture.Ingest(1);
        var holding = Directory.GetFiles(Path.Combine(fixture.Vault, "cms", "voice", "VoicePolicy"), "*.yaml", SearchOption.AllDirectories)
            .Count(f => File.ReadAllText(f).Contains("\n  EnableTeamCall: ", StringComparison.Ordinal));
        fixture.SetCustomFilters("- kind: drop\n  noun: VoicePolicy\n  path: VoicePolicy.EnableTeamCall\n  reason: Not used here; the help desk flips it.\n");
        var deployment = DeploymentFactory.Create(1);
        deployment.ExportTime = DateTimeOffset.Parse("2026-12-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var again = fixture.Write("night-1-again.zip", CmsExportWriter.Write(deployment, ExportNoise.None, new Random(3)));

        var result = TestData.Lcv("ingest", "--vault", fixture.Vault, again);

        Assert.Equal(0, result.ExitCode);
        Assert.True(holding > 1);
        var subject = $"settings: filter rule added: VoicePolicy EnableTeamCall no longer stored ({holding} objects)";
        Assert.Equal(subject, fixture.Commits()[0].MessageShort);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(fixture.Vault, "cms", "voice", "VoicePolicy"), "*.yaml", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("EnableTeamCall", StringComparison.Ordinal));
        using var notice = JsonDocument.Parse(Assert.Single(receiver.Bodies));
        Assert.Equal(subject, notice.RootElement.GetProperty("summary").GetString());
        Assert.Equal(0, notice.RootElement.GetProperty("diff").GetProperty("changes").GetArrayLength());
    }

    private static string SimulRing(VaultFixture fixture, string revision)
    {
        using var repo = new Repository(fixture.Vault);
        var text = ((Blob)repo.Lookup<Commit>(revision)["cms/voice/VoicePolicy/Site/Rotterdam.yaml"].Target).GetContentText();
        return System.Text.RegularExpressions.Regex.Match(text, @"\n  AllowSimulRing: (\w+)").Groups[1].Value;
    }

    [Fact]
    public void A_failed_backup_runs_the_exec_hook_with_the_event_in_its_environment()
    {
        using var fixture = new VaultFixture(nights: 1);
        var script = Path.Combine(fixture.Backups, "hook.sh");
        var seen = Path.Combine(fixture.Backups, "seen.txt");
        File.WriteAllText(script, $"#!/bin/sh\nprintf '%s|%s|%s' \"$LCV_EVENT\" \"$LCV_SUMMARY\" \"$LCV_VAULT\" > '{seen}'\n");
        MakeExecutable(script);
        fixture.AddSettings($"notify:\n- kind: exec\n  command: {script}\n  events: [failed]\n");

        var result = fixture.Lcv("backup", "--simulate", "--host", "in-process", "--raw", Path.Combine(fixture.Backups, "raw"), "--fault", "Export-CsConfiguration=access-denied");

        Assert.Equal(3, result.ExitCode);
        var parts = File.ReadAllText(seen).Split('|');
        Assert.Equal("failed", parts[0]);
        Assert.StartsWith("Export-CsConfiguration failed: Access denied.", parts[1]);
        Assert.Equal(fixture.Vault, parts[2]);
    }

    [Fact]
    public void A_notifier_that_fails_is_a_warning_and_the_run_still_succeeds()
    {
        using var fixture = new VaultFixture(nights: 2);
        var hang = Path.Combine(fixture.Backups, "hang.sh");
        File.WriteAllText(hang, "#!/bin/sh\nsleep 30\n");
        MakeExecutable(hang);
        using var dead = LoopbackPorts.Dead();
        var deadUrl = $"http://127.0.0.1:{dead.Port}/hook/";
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {deadUrl}\n  timeoutSeconds: 5\n- kind: exec\n  command: {hang}\n  timeoutSeconds: 1\n");
        fixture.Ingest(1);

        var result = fixture.Ingest(2);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"warning: the webhook notifier {deadUrl} was not told of 'changed': ", result.Output);
        Assert.Contains($"warning: the exec notifier {hang} was not told of 'changed': still running after 1 s, stopped", result.Output);
    }

    [Fact]
    public void An_export_failing_run_after_run_is_announced_stale_once_and_again_when_it_recovers()
    {
        using var receiver = new WebhookReceiver();
        using var fixture = new VaultFixture(nights: 1);
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {receiver.Url}\n  events: [stale]\n  staleAfterRuns: 2\n");
        CliResult Run(params string[] faults) =>
            fixture.Lcv(["backup", "--simulate", "--host", "in-process", "--only", "cms,topology", "--raw", Path.Combine(fixture.Backups, "raw"), .. faults.SelectMany(f => new[] { "--fault", f })]);

        Run();
        Run("Get-CsTopology=access-denied");
        var afterOne = receiver.Bodies.Count;
        Run("Get-CsTopology=access-denied");
        Run("Get-CsTopology=access-denied");
        var afterThree = receiver.Bodies.Count;
        Run();

        Assert.Equal((0, 1), (afterOne, afterThree));
        var events = receiver.Bodies.Select(b => JsonDocument.Parse(b).RootElement).OrderBy(e => e.GetProperty("summary").GetString()!.Contains("works again", StringComparison.Ordinal)).ToList();
        Assert.Equal(["stale", "stale"], events.Select(e => e.GetProperty("event").GetString()));
        Assert.Equal("Get-CsTopology has failed 2 runs in a row; the vault still holds what it last collected", events[0].GetProperty("summary").GetString());
        Assert.Equal("Get-CsTopology works again after 3 failed runs", events[1].GetProperty("summary").GetString());
    }

    [Fact]
    public void A_change_away_from_a_baseline_is_announced_as_drift_with_what_differs()
    {
        using var receiver = new WebhookReceiver();
        using var fixture = new VaultFixture(nights: 2);
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {receiver.Url}\n  events: [drift]\n");
        fixture.Ingest(1);
        Assert.Equal(0, fixture.Lcv("baseline", "set", "approved").ExitCode);

        fixture.Ingest(2);

        using var json = JsonDocument.Parse(Assert.Single(receiver.Bodies));
        Assert.Equal("drift", json.RootElement.GetProperty("event").GetString());
        Assert.EndsWith("since baseline approved", json.RootElement.GetProperty("summary").GetString());
        Assert.Contains(json.RootElement.GetProperty("diff").GetProperty("changes").EnumerateArray(), c => c.GetProperty("change").GetString() == "renamed");
    }

    [Fact]
    public void A_digest_notifier_hears_once_a_period_of_every_change_since_its_last_notice()
    {
        using var receiver = new WebhookReceiver();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestData.AdminEditTime);
        using var fixture = new VaultFixture(nights: 3) { Clock = clock };
        fixture.AddSettings($"notify:\n- kind: webhook\n  url: {receiver.Url}\n  events: [changed]\n  digest: daily\n");
        fixture.Ingest(1);
        fixture.Ingest(2);
        var beforeDue = receiver.Bodies.Count;

        clock.Advance(TimeSpan.FromHours(25));
        fixture.Ingest(3);

        Assert.Equal(0, beforeDue);
        using var json = JsonDocument.Parse(Assert.Single(receiver.Bodies));
        Assert.Equal("changed", json.RootElement.GetProperty("event").GetString());
        Assert.Contains(" since 2026-11-18", json.RootElement.GetProperty("summary").GetString());
        var changed = json.RootElement.GetProperty("diff").GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("noun").GetString()} {c.GetProperty("identity").GetString()}").ToList();
        Assert.Contains("VoicePolicy Tag:VP-Galway-National-R02", changed);   // night 2's change
        Assert.True(changed.Count > 1, "night 3's changes are in the same digest");
    }

    // The hooks of these tests are sh scripts: CI runs on Linux.
    private static void MakeExecutable(string script)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_notifier_the_settings_file_gets_wrong_is_named_with_the_file()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.AddSettings("notify:\n- kind: pager\n  url: http://127.0.0.1/\n");

        var result = fixture.Ingest(1);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config.yaml: notify entry 1: kind must be webhook, exec or mail, not 'pager'.", result.Error);
    }
}
