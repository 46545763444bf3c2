using System.Text.RegularExpressions;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Model;
using static LyncConfigVault.Tests.Diff.DiffTestData;

namespace LyncConfigVault.Tests.Insight;

public sealed class PatternSampleTests
{
    [Theory]
    [InlineData(@"^\+3531\d{6,8}$")]
    [InlineData(@"^\+(?!353)\d{7,15}$")]
    [InlineData(@"^\+?(112|911|999)$")]
    [InlineData(@"^(1\d{3})$")]
    [InlineData(@"^011(\d+)$")]
    [InlineData(@"^[2-9]\d{2}[^0]\d*$")]
    [InlineData(@"^(?:\+44|0)20\d{8}$")]
    public void Every_sample_of_a_dial_plan_or_route_pattern_is_matched_by_the_pattern_itself(string pattern)
    {
        var samples = PatternSample.All(pattern);

        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.Matches(new Regex(pattern), s));
    }

    [Fact]
    public void Samples_reach_the_longest_length_a_rule_allows()
    {
        Assert.Equal([7, 8, 9], PatternSample.All(@"^([2-9]\d{6,8})$").Select(s => s.Length));
    }

    [Theory]
    [InlineData(@"^\+44$\d+", "$ comes before a character: nothing can follow the end")]
    [InlineData(@"\+44^\d+", "^ comes after a character: nothing can come before the start")]
    [InlineData(@"^(\+1$5|0^1)", "$ comes before a character: nothing can follow the end")]
    public void A_pattern_with_an_anchor_in_the_middle_of_the_number_can_never_match(string pattern, string reason)
    {
        Assert.Equal(reason, PatternSample.NeverMatches(pattern));
        Assert.Empty(PatternSample.All(pattern));
    }

    [Theory]
    [InlineData(@"^\+?(112|911)$")]
    [InlineData(@"^(\d)\1$")]        // a back-reference: outside the subset, so no claim either way
    [InlineData(@"^(+$")]            // invalid: lcv check reports it as invalid-pattern instead
    [InlineData(@"^(\+1$|0\d+)")]    // one alternative can still match
    public void A_pattern_that_may_match_is_never_called_unmatchable(string pattern)
    {
        Assert.Null(PatternSample.NeverMatches(pattern));
    }

    [Fact]
    public void Lcv_check_reports_a_route_pattern_that_can_never_match()
    {
        var broken = Edit(Night(1), "cms/voice/VoiceRoute/London-Local.yaml", c => ((YMap)c["Route"]!).Set("NumberPattern", new YScalar(@"^\+4420$\d{6,8}")));

        var findings = new ReferenceChecker(LyncCatalog.Default).Check(new ExportObjectSource(broken, "test"));

        var found = Assert.Single(findings, f => f.Kind == FindingKind.NeverMatches);
        Assert.Equal("VoiceRoute London-Local: NumberPattern can never match a number ($ comes before a character: nothing can follow the end)", found.Describe());
    }
}
