using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight;
using LyncConfigVault.Insight.Impact;
using LyncConfigVault.Model;
using LyncConfigVault.Vault;
using static LyncConfigVault.Tests.Diff.DiffTestData;

namespace LyncConfigVault.Tests.Insight;

/// <summary>lcv diff --impact on the generated Fabrikam deployment: each consequence worked out by hand from its dial plans, routes and test cases.</summary>
public sealed class ImpactTests
{
    private static DiffReport Impact(Snapshot before, Snapshot after)
    {
        var (from, to) = (new ExportObjectSource(before, "before"), new ExportObjectSource(after, "after"));
        var report = Compare(before, after);
        return report with { Impact = new ImpactAnalyzer(LyncCatalog.Default).Analyze(from, to, report, VaultLayout.Parts) };
    }

    private static List<string> Notes(DiffReport report, string change) =>
        report.Impact!.For(Assert.Single(report.Changes, c => c.DisplayName == change)).Select(n => n.Text).ToList();

    private static Snapshot WithoutUsage(Snapshot snapshot, string path, string element, string usage) =>
        Edit(snapshot, path, c => List(c, element, "PstnUsages").Items.RemoveAll(u => ((YScalar)u).Text == usage));

    [Fact]
    public void A_policy_losing_its_international_usage_fails_the_test_case_and_strands_calls_abroad()
    {
        var before = Night(1);
        var after = WithoutUsage(before, "cms/voice/VoicePolicy/Tag/VP-Dublin-Intl.yaml", "VoicePolicy", "Dublin-International");

        var notes = Notes(Impact(before, after), "VoicePolicy Tag:VP-Dublin-Intl");

        Assert.Contains("test case Dublin-International now fails (usage: expected Dublin-International, got (none); route: expected Dublin-International, got (none))", notes);
        Assert.Contains(notes, n => n.StartsWith("+", StringComparison.Ordinal) && n.EndsWith("from Tag:VP-Dublin-Intl: route Dublin-International via dubgw01.fabrikam.com → no route", StringComparison.Ordinal));
        Assert.Equal("voice test cases: 23 of 24 pass (before: 24 of 24)", Assert.Single(Impact(before, after).Impact!.Overall).Text);
    }

    [Fact]
    public void A_usage_removed_from_the_global_list_is_charged_with_everything_that_still_names_it()
    {
        var before = Night(1);
        var after = Edit(before, "cms/voice/PstnUsages/Global.yaml", c => List(c, "PSTNUsages", "Usage").Items.RemoveAll(u => ((YScalar)u).Text == "London-International"));

        var notes = Notes(Impact(before, after), "PstnUsages Global");

        Assert.Equal("PSTN usage London-International no longer exists: 2 voice policies, 1 voice route and 1 voice test configuration still name it (Tag:VP-Executives, Tag:VP-London-Intl, London-International, London-International)",
            Assert.Single(notes));
    }

    [Fact]
    public void A_route_moved_to_another_gateway_says_which_numbers_now_leave_where()
    {
        var before = Night(1);
        var after = Edit(before, "cms/voice/VoiceRoute/London-International.yaml", c => ((YMap)c["Route"]!).Set("PstnGatewayList", new YSeq([new YScalar("PstnGateway:longw02.fabrikam.com")])));

        var note = Assert.Single(Notes(Impact(before, after), "VoiceRoute London-International"));

        Assert.EndsWith("from Tag:VP-Executives, Tag:VP-London-Intl: route London-International via longw01.fabrikam.com → route London-International via longw02.fabrikam.com", note);
    }

    [Fact]
    public void A_trunk_translation_change_shows_the_digits_sent_before_and_after()
    {
        var before = Night(1);
        var after = Edit(before, "cms/trunk/TrunkConfiguration/Service/PstnGateway/dubgw01.fabrikam.com.yaml", c =>
            ((YMap)List(c, "TrunkConfiguration", "OutboundTranslationRulesList").Items[1]).Set("Translation", new YScalar("+$1")));

        var notes = Notes(Impact(before, after), "TrunkConfiguration Service:PstnGateway:dubgw01.fabrikam.com");

        Assert.Contains(notes, n => n.Contains("from Tag:VP-Dublin-Intl, Tag:VP-Executives: route Dublin-International via dubgw01.fabrikam.com sends 00", StringComparison.Ordinal)
            && n.Contains(" → +", StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_usage_reorder_beside_it_the_trunks_new_digits_stay_on_the_trunk()
    {
        var before = Night(1);
        var trunk = Edit(before, "cms/trunk/TrunkConfiguration/Service/PstnGateway/dubgw01.fabrikam.com.yaml", c =>
            ((YMap)List(c, "TrunkConfiguration", "OutboundTranslationRulesList").Items[1]).Set("Translation", new YScalar("+$1")));
        var after = Edit(trunk, "cms/voice/VoicePolicy/Tag/VP-Dublin-Intl.yaml", c => List(c, "VoicePolicy", "PstnUsages").Items.Reverse());

        var report = Impact(before, after);

        Assert.Contains(Notes(report, "TrunkConfiguration Service:PstnGateway:dubgw01.fabrikam.com"), n => n.Contains("Tag:VP-Dublin-Intl", StringComparison.Ordinal) && n.Contains(" sends 00", StringComparison.Ordinal));
        Assert.DoesNotContain(Notes(report, "VoicePolicy Tag:VP-Dublin-Intl"), n => n.Contains(" sends ", StringComparison.Ordinal));
        // Reversed, Emergency comes first, then Dublin-International (not +353), then Dublin-National, which takes +3531… before Dublin-Local.
        Assert.Contains(Notes(report, "VoicePolicy Tag:VP-Dublin-Intl"), n => n.Contains("route Dublin-Local via dubgw01.fabrikam.com, dubgw02.fabrikam.com → route Dublin-National", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_gateway_of_a_route_receives_its_own_trunks_digits()
    {
        var before = Night(1);
        var after = Edit(before, "cms/trunk/TrunkConfiguration/Service/PstnGateway/dubgw01.fabrikam.com.yaml", c =>
            ((YMap)List(c, "TrunkConfiguration", "OutboundTranslationRulesList").Items[0]).Set("Translation", new YScalar("90$1")));

        var route = new CallRouter(VoiceModel.From(new ExportObjectSource(after, "after"))).Route("5991507", "Site:Dublin", "Tag:VP-Dublin-Intl");

        // Dublin-Local makes +35315991507; route Dublin-Local goes to dubgw01 then dubgw02; ^\+353(\d+)$ sends 0$1, now 90$1 on dubgw01 only.
        Assert.Equal("Dublin-Local", route.Route);
        Assert.Equal([("dubgw01.fabrikam.com", "9015991507"), ("dubgw02.fabrikam.com", "015991507")], route.Translations.Select(t => (t.Gateway, t.Sent)));
        Assert.Equal("9015991507", route.Translated);
        var note = Notes(Impact(before, after), "TrunkConfiguration Service:PstnGateway:dubgw01.fabrikam.com");
        Assert.True(note.Any(n => n.Contains("via dubgw01.fabrikam.com, dubgw02.fabrikam.com sends 0", StringComparison.Ordinal) && n.Contains(" to dubgw01.fabrikam.com, 0", StringComparison.Ordinal)), string.Join("\n", note));
    }

    [Fact]
    public void A_dial_plan_change_that_sends_calls_to_another_route_says_from_which_to_which()
    {
        var before = Night(1);
        var after = Edit(before, "cms/voice/DialPlan/Site/Dublin.yaml", c =>
            ((YMap)List(c, "LocationProfile", "NormalizationRules").Items.OfType<YMap>().Single(r => r.Text("Name") == "Dublin-Local")).Set("Translation", new YScalar("+353$1")));

        var notes = Notes(Impact(before, after), "DialPlan Site:Dublin");

        // 8 digits: +3531 + 8 digits matched Dublin-Local (^\+3531\d{6,8}$); +353 + 8 digits matches Dublin-National (^\+353\d{8,10}$).
        Assert.Contains(notes, n => n.Contains("with Tag:VP-Dublin-Intl: route Dublin-Local via dubgw01.fabrikam.com, dubgw02.fabrikam.com → route Dublin-National via dubgw01.fabrikam.com, dubgw02.fabrikam.com", StringComparison.Ordinal));
    }

    [Fact]
    public void An_effect_two_changes_cause_only_together_is_said_on_both()
    {
        var before = Night(1);
        // A: a backup route for Dublin-Local numbers via London, tried after Dublin-Local: alone it changes nothing.
        // B: route Dublin-Local stops carrying usage Dublin-Local: alone, local numbers fall to the next usage, Dublin-National.
        // Together: local numbers stay on usage Dublin-Local and take the backup route via longw01.
        var withBackup = AddRoute(before, "Dublin-Local", "Dublin-Backup", "PstnGateway:longw01.fabrikam.com");
        var after = Edit(withBackup, "cms/voice/VoiceRoute/Dublin-Local.yaml", c => ((YMap)c["Route"]!).Set("PstnUsages", new YSeq([new YScalar("Dublin-Special")])));

        var report = Impact(before, after);

        var onBackup = Notes(report, "VoiceRoute Dublin-Backup");
        var onLocal = Notes(report, "VoiceRoute Dublin-Local");
        Assert.True(onBackup.Any(n => n.Contains("Tag:VP-Dublin-Intl", StringComparison.Ordinal) && n.Contains("→ route Dublin-Backup via longw01.fabrikam.com (only together with VoiceRoute Dublin-Local)", StringComparison.Ordinal)), string.Join("\n", onBackup.Concat(onLocal)));
        Assert.Contains(onLocal, n => n.Contains("→ route Dublin-Backup via longw01.fabrikam.com (only together with VoiceRoute Dublin-Backup)", StringComparison.Ordinal));
        Assert.DoesNotContain(onLocal.Concat(onBackup), n => n.Contains("→ route Dublin-National", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_case_that_fails_is_pinned_on_the_change_that_breaks_it_not_on_every_change_it_touches()
    {
        var before = Night(1);
        var renamed = Rename(before, "cms/voice/VoicePolicy/Tag/VP-London-Intl.yaml", "VP-London-Intl-R");
        var described = Edit(renamed, "cms/voice/VoiceRoute/London-National.yaml", c => ((YMap)c["Route"]!).Set("Description", new YScalar("reviewed")));
        var pattern = Edit(described, "cms/voice/VoiceRoute/Amsterdam-National.yaml", c => ((YMap)c["Route"]!).Set("NumberPattern", new YScalar(@"^\+31\d{11}$")));
        var after = Edit(pattern, "cms/voice/PstnUsages/Global.yaml", c => List(c, "PSTNUsages", "Usage").Items.Add(new YScalar("Premium")));

        var report = Impact(before, after);

        // London's cases name Tag:VP-London-Intl, which the rename took away; 0876543210 in Amsterdam makes +31876543210 (9 digits), which the new pattern refuses.
        Assert.Contains(Notes(report, "VoicePolicy Tag:VP-London-Intl-R"), n => n.StartsWith("test case London-National now fails", StringComparison.Ordinal));
        Assert.DoesNotContain(Notes(report, "VoiceRoute London-National"), n => n.StartsWith("test case", StringComparison.Ordinal));
        var onAmsterdam = Notes(report, "VoiceRoute Amsterdam-National").Where(n => n.StartsWith("test case", StringComparison.Ordinal)).ToList();
        Assert.Equal("test case Amsterdam-National now fails", Assert.Single(onAmsterdam)[..38]);
        Assert.DoesNotContain(Notes(report, "PstnUsages Global"), n => n.StartsWith("test case", StringComparison.Ordinal));
    }

    private static Snapshot AddRoute(Snapshot snapshot, string like, string name, string gateway)
    {
        var objects = snapshot.Objects.ToDictionary(StringComparer.Ordinal);
        var original = objects[$"cms/voice/VoiceRoute/{like}.yaml"];
        var content = (YMap)original.Content.DeepCopy();
        content.Set("Identity", new YScalar(name));
        content.Set("Priority", new YScalar("999"));
        ((YMap)content["Route"]!).Set("Name", new YScalar(name));
        ((YMap)content["Route"]!).Set("PstnGatewayList", new YSeq([new YScalar(gateway)]));
        var path = $"cms/voice/VoiceRoute/{name}.yaml";
        objects[path] = original with { Identity = LyncIdentity.Named(name), Path = path, Content = content };
        return snapshot with { Objects = objects };
    }

    [Fact]
    public void A_longer_local_pattern_normalizes_nine_digit_numbers_it_used_to_refuse()
    {
        var before = Night(1);
        var after = Edit(before, "cms/voice/DialPlan/Site/Dublin.yaml", c =>
            ((YMap)List(c, "LocationProfile", "NormalizationRules").Items.OfType<YMap>().Single(r => r.Text("Name") == "Dublin-Local")).Set("Pattern", new YScalar(@"^([2-9]\d{6,8})$")));

        var notes = Notes(Impact(before, after), "DialPlan Site:Dublin");

        Assert.Contains("220794601 dialed: not normalized → +3531220794601 (rule Dublin-Local)", notes);
    }

    [Fact]
    public void A_renamed_policy_breaks_the_test_cases_and_references_that_still_use_the_old_name()
    {
        var before = Night(1);
        var after = Rename(before, "cms/voice/VoicePolicy/Tag/VP-London-Intl.yaml", "VP-London-Intl-R03");

        var notes = Notes(Impact(before, after), "VoicePolicy Tag:VP-London-Intl-R03");

        Assert.Equal("VoicePolicy Tag:VP-London-Intl no longer exists: 4 voice test configurations still name it (London-Emergency, London-Extension, London-International, London-National)", notes[0]);
        Assert.Contains("test case London-National now fails (its voice policy Tag:VP-London-Intl does not exist)", notes);
    }

    [Fact]
    public void A_change_with_no_consequence_has_no_impact_notes()
    {
        var before = Night(1);
        var after = Edit(before, "cms/voice/VoicePolicy/Site/Dublin.yaml", c => ((YMap)c["VoicePolicy"]!).Set("AllowSimulRing", new YScalar("true")));

        var report = Impact(before, after);

        Assert.Empty(Notes(report, "VoicePolicy Site:Dublin"));
        Assert.Empty(report.Impact!.Overall);
    }
}
