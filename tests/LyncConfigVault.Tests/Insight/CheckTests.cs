using System.Text.Json;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Model;
using LyncConfigVault.Simulation;
using LyncConfigVault.Simulation.Rgs;
using LyncConfigVault.Tests.Rgs;
using static LyncConfigVault.Tests.Diff.DiffTestData;

namespace LyncConfigVault.Tests.Insight;

public sealed class CheckTests
{
    private static List<Finding> Check(Snapshot snapshot) => new ReferenceChecker(LyncCatalog.Default).Check(new ExportObjectSource(snapshot, "test"));

    private static readonly Lazy<List<Finding>> Generated = new(() => Check(Night(1)));

    [Fact]
    public void The_generated_deployment_has_two_usages_no_route_carries_and_a_branch_gateway_the_topology_lacks()
    {
        var findings = Generated.Value.Select(f => $"{f.KindName} {f.Noun} {f.Identity} {f.Property} {f.Target}").ToList();

        Assert.Contains("unused-usage PstnUsages Global Usage Internal", findings);
        Assert.Contains("unused-usage PstnUsages Global Usage Premium", findings);
        Assert.Contains("missing-reference VoiceRoute Galway-Local PstnGatewayList Service PstnGateway:galgw02.fabrikam.com", findings);
    }

    [Fact]
    public void A_policy_naming_a_usage_that_does_not_exist_is_found()
    {
        var broken = Edit(Night(1), "cms/voice/VoicePolicy/Tag/VP-Dublin-Intl.yaml", c => ((YSeq)((YMap)c["VoicePolicy"]!)["PstnUsages"]!).Items.Add(new YScalar("Dublin-Premium")));

        var found = Assert.Single(Check(broken).Except(Generated.Value));

        Assert.Equal(new Finding(FindingKind.MissingReference, "VoicePolicy", "Tag:VP-Dublin-Intl", "PstnUsages", "PstnUsage Dublin-Premium"), found);
    }

    [Fact]
    public void A_normalization_rule_that_does_not_compile_is_found()
    {
        var broken = Edit(Night(1), "cms/voice/DialPlan/Site/Dublin.yaml", c =>
            ((YMap)((YSeq)((YMap)c["LocationProfile"]!)["NormalizationRules"]!).Items[0]).Set("Pattern", new YScalar("^(1\\d{3}$")));

        var found = Assert.Single(Check(broken).Except(Generated.Value));

        Assert.Equal(("invalid-pattern", "DialPlan", "Site:Dublin", "NormalizationRules[Name=Dublin-Internal-4digit].Pattern"), (found.KindName, found.Noun, found.Identity, found.Property));
    }

    [Fact]
    public void A_dial_plan_scoped_to_a_site_the_topology_does_not_have_is_found()
    {
        var broken = Edit(Night(1), "cms/voice/DialPlan/Site/Dublin.yaml", c => c.Set("Identity", new YScalar("Site:Atlantis")));

        var found = Check(broken).Except(Generated.Value).ToList();

        Assert.Contains(new Finding(FindingKind.MissingScope, "DialPlan", "Site:Atlantis", "Identity", "Site:Atlantis"), found);
        Assert.Equal(["Dublin-Emergency", "Dublin-Extension", "Dublin-International", "Dublin-National"],
            found.Where(f => f.Target == "DialPlan Site:Dublin" && f.Property == "TargetDialplan").Select(f => f.Identity).Order(StringComparer.Ordinal));
        Assert.Equal(5, found.Count);
    }

    [Fact]
    public void A_queue_pointing_at_an_agent_group_that_is_gone_is_found()
    {
        var pool = RgsTestData.Dublin();
        pool.Queues[0].AgentGroups.Add(RgsFactory.NewGuid(new Random(77)));

        var findings = Check(RgsTestData.Snapshot(RgsTestData.Archive(pool)));

        var found = Assert.Single(findings);
        Assert.Equal(("missing-reference", "RgsQueue", "AgentGroupIDList"), (found.KindName, found.Noun, found.Property));
        Assert.StartsWith("RgsAgentGroup ", found.Target);
    }

    [Fact]
    public void Lcv_check_exits_1_with_the_findings_as_lcv_check_1()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Ingest(1);

        var text = fixture.Lcv("check");
        var json = fixture.Lcv("check", "--format", "json");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("unused-usage: PSTN usage Premium is carried by no voice route", text.Output);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("lcv.check/1", document.RootElement.GetProperty("schema").GetString());
        var first = document.RootElement.GetProperty("findings")[0];
        Assert.Equal(["kind", "noun", "identity", "property", "target"], first.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_run_that_carries_parts_forward_counts_the_findings_lcv_check_finds_in_the_commit()
    {
        // The after-run check starts while the run stores: it must read the parts the run carries forward
        // (Response Groups, LIS, users) as the new commit holds them, and count what lcv check counts there.
        using var fixture = new VaultFixture(nights: 2);
        var files = SyntheticNights.WriteBackupFolders(Path.Combine(fixture.Backups, "all"), SyntheticNights.Generate(1, 2, parts: SyntheticParts.All));
        var (first, second) = (Path.GetDirectoryName(files[0])!, Path.GetDirectoryName(files[^1])!);
        Assert.Equal(0, fixture.Lcv(["ingest", .. files.Where(f => Path.GetDirectoryName(f) == first)]).ExitCode);   // every export of the night

        var result = fixture.Lcv("ingest", Path.Combine(second, "CsConfiguration.zip"));   // the next night's CMS archive alone
        using var json = JsonDocument.Parse(fixture.Lcv("check", "--format", "json").Output);

        Assert.Equal(0, result.ExitCode);
        var findings = json.RootElement.GetProperty("findings").GetArrayLength();
        Assert.True(findings > 0);
        Assert.Contains($"lcv check: {findings} finding(s) in this snapshot (", result.Output);
        var message = GitDaemon.Git(fixture.Vault, "log", "-1", "--format=%B");
        Assert.True(message.Contains("Lcv-Stale: ", StringComparison.Ordinal), message);   // the run did carry parts forward
    }

    [Fact]
    public void A_run_that_commits_says_in_one_line_what_lcv_check_would_find_and_still_commits()
    {
        using var fixture = new VaultFixture(nights: 1);

        var result = fixture.Ingest(1);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("lcv check: 4 finding(s) in this snapshot (2 missing-reference, 2 unused-usage); lcv check lists them.", result.Output);
    }
}
