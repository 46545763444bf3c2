using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Model;
using static LyncConfigVault.Tests.Diff.DiffTestData;

namespace LyncConfigVault.Tests.Insight;

public sealed class VoiceTestTests
{
    private static Snapshot WithTestCase(Snapshot snapshot, string name, string dialed, string expectedNumber, string expectedUsage, string expectedRoute)
    {
        var content = new YMap()
            .Add("Identity", $"Tag:{name}")
            .Add("Noun", "VoiceTestConfiguration")
            .Add("TestConfiguration", new YMap()
                .Add("DialedNumber", dialed)
                .Add("ExpectedRoute", expectedRoute)
                .Add("ExpectedTranslatedNumber", expectedNumber)
                .Add("ExpectedUsage", expectedUsage)
                .Add("TargetDialplan", "Site:Dublin")
                .Add("TargetVoicePolicy", "Tag:VP-Dublin-Intl"));
        var path = $"cms/voice/VoiceTestConfiguration/Tag/{name}.yaml";
        var objects = snapshot.Objects.ToDictionary(StringComparer.Ordinal);
        objects[path] = new LyncObject("VoiceTestConfiguration", "voice", LyncIdentity.Tag(name), path, content);
        return snapshot with { Objects = objects };
    }

    private static List<VoiceTestResult> Run(Snapshot snapshot)
    {
        var source = new ExportObjectSource(snapshot, "test");
        return VoiceTestRunner.Run(VoiceModel.From(source), VoiceTestRunner.Cases(source));
    }

    [Fact]
    public void A_test_case_that_matches_the_routing_passes_and_one_that_does_not_says_what_differs()
    {
        var snapshot = WithTestCase(WithTestCase(Night(1), "Intl-1", "00442079460000", "+442079460000", "Dublin-International", "Dublin-International"),
            "Intl-2", "00442079460000", "+442079460000", "Dublin-International", "London-International");

        var results = Run(snapshot).Where(r => r.Case.Identity.StartsWith("Tag:Intl-", StringComparison.Ordinal)).ToList();

        Assert.Equal([true, false], results.Select(r => r.Passed));
        Assert.Equal("route: expected London-International, got Dublin-International", Assert.Single(results[1].Failures));
    }

    [Fact]
    public void A_change_that_takes_the_usage_away_makes_the_test_case_fail()
    {
        var snapshot = WithTestCase(Night(1), "Intl-1", "00442079460000", "+442079460000", "Dublin-International", "Dublin-International");
        var changed = Edit(snapshot, "cms/voice/VoicePolicy/Tag/VP-Dublin-Intl.yaml", c =>
            ((YSeq)((YMap)c["VoicePolicy"]!)["PstnUsages"]!).Items.RemoveAll(u => ((YScalar)u).Text == "Dublin-International"));

        var result = Assert.Single(Run(changed), r => r.Case.Identity == "Tag:Intl-1");

        Assert.False(result.Passed);
        Assert.Contains("usage: expected Dublin-International, got (none)", result.Failures);
    }

    [Fact]
    public void Every_generated_test_case_passes_on_the_night_they_were_written()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Ingest(1);

        var result = fixture.Lcv("test");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("24 of 24 voice test cases pass", result.Output);
        Assert.Contains("pass  Dublin-International: 00442079460000 → +442079460000 via Dublin-International", result.Output);
        Assert.Contains("pass  NewYork-Extension: 5123 → +12125555123 via NewYork-Local", result.Output);
    }

    [Fact]
    public void A_test_case_whose_voice_policy_was_renamed_fails()
    {
        var renamed = Edit(Night(1), "cms/voice/VoicePolicy/Tag/VP-London-Intl.yaml", c => c.Set("Identity", new YScalar("Tag:VP-London-Intl-R03")));

        var failed = Run(renamed).Where(r => !r.Passed).ToList();

        Assert.Equal(["London-Emergency", "London-Extension", "London-International", "London-National"], failed.Select(r => r.Case.Identity));
        Assert.All(failed, r => Assert.Equal("its voice policy Tag:VP-London-Intl does not exist", Assert.Single(r.Failures)));
    }

    [Fact]
    public void The_night_a_change_breaks_a_test_case_its_ingest_says_so_and_still_commits()
    {
        using var fixture = new VaultFixture(nights: 6);
        for (var night = 1; night <= 5; night++)
        {
            Assert.DoesNotContain("lcv test:", fixture.Ingest(night).Output);
        }

        var sixth = fixture.Ingest(6);

        Assert.Equal(0, sixth.ExitCode);
        Assert.Contains("lcv test: 1 of 24 voice test cases fail in this snapshot (Rotterdam-Extension); lcv test explains them.", sixth.Output);
    }
}
