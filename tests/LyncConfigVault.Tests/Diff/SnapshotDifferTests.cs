using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using static LyncConfigVault.Tests.Diff.DiffTestData;

namespace LyncConfigVault.Tests.Diff;

public sealed class SnapshotDifferTests
{
    private const string Executives = "cms/voice/VoicePolicy/Tag/VP-Executives.yaml";
    private const string Dublin = "cms/voice/DialPlan/Site/Dublin.yaml";

    [Fact]
    public void A_re_export_with_only_noise_gives_an_empty_diff()
    {
        Assert.Empty(Nights[3].Changes);

        var report = Compare(Night(3), Night(4));

        Assert.True(report.IsEmpty, string.Join(", ", report.Changes.Select(c => c.DisplayName)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Every_admin_change_of_a_night_is_reported_and_nothing_else(int night)
    {
        var report = Compare(Night(night - 1), Night(night));

        var named = report.Changes.Select(c => c.DisplayName)
            .Concat(report.Changes.Where(c => c.OldIdentity is not null).Select(c => $"{c.Noun} {c.OldIdentity}"));
        Assert.Equal(Nights[night - 1].Changes.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_changed_setting_shows_its_old_and_new_value()
    {
        var before = Night(1);
        var after = Edit(before, Executives, c => Setting(c, "VoicePolicy").Set("AllowSimulRing", new YScalar("false")));

        var change = Assert.Single(Compare(before, after).Changes);

        Assert.Equal(("voice", "VoicePolicy", "Tag:VP-Executives", ObjectChangeKind.Modified), (change.Area, change.Noun, change.Identity, change.Kind));
        var property = Assert.Single(change.Properties);
        Assert.Equal(("AllowSimulRing", PropertyChangeKind.Changed, "true", "false"), (property.Path, property.Kind, property.Old?.ToString(), property.New?.ToString()));
    }

    [Fact]
    public void Swapped_pstn_usages_are_one_move_not_a_remove_and_an_add()
    {
        var before = Night(1);
        var after = Edit(before, Executives, c =>
        {
            var usages = List(c, "VoicePolicy", "PstnUsages").Items;
            (usages[0], usages[1]) = (usages[1], usages[0]);
        });

        var property = Assert.Single(Assert.Single(Compare(before, after).Changes).Properties);

        Assert.Equal(PropertyChangeKind.Moved, property.Kind);
        Assert.Equal("PstnUsages", property.Path);
        Assert.Equal(1, Math.Abs(property.From!.Value - property.To!.Value));
        Assert.Contains(property.Old!.ToString(), new[] { "Dublin-International", "London-International" });
    }

    [Fact]
    public void An_added_usage_in_the_middle_is_one_add_at_its_position()
    {
        var before = Night(1);
        var after = Edit(before, Executives, c => List(c, "VoicePolicy", "PstnUsages").Items.Insert(2, new YScalar("Tokyo-International")));

        var property = Assert.Single(Assert.Single(Compare(before, after).Changes).Properties);

        Assert.Equal((PropertyChangeKind.Added, "Tokyo-International", 2), (property.Kind, property.New!.ToString(), property.To));
    }

    [Fact]
    public void An_edited_normalization_rule_is_a_change_of_that_rule_by_name()
    {
        var before = Night(1);
        var after = Edit(before, Dublin, c => ((YMap)List(c, "LocationProfile", "NormalizationRules").Items[1]).Set("Pattern", new YScalar(@"^([2-9]\d{5,7})$")));

        var property = Assert.Single(Assert.Single(Compare(before, after).Changes).Properties);

        Assert.Equal("NormalizationRules[Name=Dublin-Local].Pattern", property.Path);
        Assert.Equal((@"^([2-9]\d{6,7})$", @"^([2-9]\d{5,7})$"), (property.Old!.ToString(), property.New!.ToString()));
    }

    [Fact]
    public void A_normalization_rule_moved_to_the_top_is_one_move_of_that_rule()
    {
        var before = Night(1);
        var after = Edit(before, Dublin, c =>
        {
            var rules = List(c, "LocationProfile", "NormalizationRules").Items;
            var emergency = rules[4];
            rules.RemoveAt(4);
            rules.Insert(0, emergency);
        });

        var property = Assert.Single(Assert.Single(Compare(before, after).Changes).Properties);

        Assert.Equal(("NormalizationRules[Name=Dublin-Emergency]", PropertyChangeKind.Moved, 4, 0), (property.Path, property.Kind, property.From, property.To));
    }

    [Fact]
    public void A_gateway_added_to_a_route_is_a_set_addition_without_a_position()
    {
        var before = Night(1);
        const string route = "cms/voice/VoiceRoute/Amsterdam-International.yaml";
        var after = Edit(before, route, c => List(c, "Route", "PstnGatewayList").Items.Insert(0, new YScalar("PstnGateway:amsgw02.fabrikam.com")));

        var property = Assert.Single(Assert.Single(Compare(before, after).Changes).Properties);

        Assert.Equal(("PstnGatewayList", PropertyChangeKind.Added, "PstnGateway:amsgw02.fabrikam.com", (int?)null), (property.Path, property.Kind, property.New!.ToString(), property.To));
    }

    [Fact]
    public void A_gateway_taken_off_a_route_is_a_set_removal()
    {
        var before = Edit(Night(1), "cms/voice/VoiceRoute/Amsterdam-International.yaml", c => List(c, "Route", "PstnGatewayList").Items.Add(new YScalar("PstnGateway:amsgw02.fabrikam.com")));
        var after = Edit(before, "cms/voice/VoiceRoute/Amsterdam-International.yaml", c => List(c, "Route", "PstnGatewayList").Items.RemoveAt(0));

        var property = Assert.Single(Assert.Single(Compare(before, after).Changes).Properties);

        Assert.Equal(("PstnGatewayList", PropertyChangeKind.Removed, "PstnGateway:amsgw01.fabrikam.com"), (property.Path, property.Kind, property.Old!.ToString()));
    }

    [Fact]
    public void Gateways_listed_in_another_order_are_the_same_set()
    {
        var before = Edit(Night(1), "cms/voice/VoiceRoute/Amsterdam-International.yaml", c => List(c, "Route", "PstnGatewayList").Items.Add(new YScalar("PstnGateway:amsgw02.fabrikam.com")));
        var after = Edit(before, "cms/voice/VoiceRoute/Amsterdam-International.yaml", c => List(c, "Route", "PstnGatewayList").Items.Reverse());

        Assert.True(Compare(before, after).IsEmpty);
    }

    [Fact]
    public void A_policy_under_a_new_name_with_the_same_settings_is_a_rename()
    {
        var before = Night(1);
        var after = Rename(before, Executives, "VP-Board");

        var change = Assert.Single(Compare(before, after).Changes);

        Assert.Equal((ObjectChangeKind.Renamed, "Tag:VP-Board", "Tag:VP-Executives", 1.0), (change.Kind, change.Identity, change.OldIdentity, change.Similarity));
        Assert.Empty(change.Properties);
    }

    [Fact]
    public void A_renamed_policy_with_one_setting_changed_is_a_near_rename_listing_that_setting()
    {
        var before = Night(1);
        var after = Rename(before, Executives, "VP-Board", c => Setting(c, "VoicePolicy").Set("EnableCallPark", new YScalar("false")));

        var change = Assert.Single(Compare(before, after).Changes);

        Assert.Equal(ObjectChangeKind.Renamed, change.Kind);
        Assert.InRange(change.Similarity!.Value, 0.8, 0.99);
        Assert.Equal("EnableCallPark", Assert.Single(change.Properties).Path);
    }

    [Fact]
    public void A_policy_replaced_by_one_with_other_settings_is_a_removal_and_an_addition()
    {
        var before = Night(1);
        var after = Rename(before, Executives, "VP-Board", c =>
        {
            foreach (var (key, value) in Setting(c, "VoicePolicy").Entries.ToList())
            {
                if (value is YScalar { Text: "true" or "false" } flag)
                {
                    Setting(c, "VoicePolicy").Set(key, new YScalar(flag.Text == "true" ? "false" : "true"));
                }
            }

            List(c, "VoicePolicy", "PstnUsages").Items.RemoveRange(0, 3);
        });

        var kinds = Compare(before, after).Changes.Select(c => (c.Kind, c.Identity)).ToList();

        Assert.Equal([(ObjectChangeKind.Added, "Tag:VP-Board"), (ObjectChangeKind.Removed, "Tag:VP-Executives")], kinds.OrderBy(k => k.Identity));
    }

    [Fact]
    public void A_long_description_gets_a_line_diff()
    {
        var before = Edit(Night(1), Executives, c => Setting(c, "VoicePolicy").Set("Description", new YScalar("Executives\nAll calls allowed\nReviewed 2026-01")));
        var after = Edit(before, Executives, c => Setting(c, "VoicePolicy").Set("Description", new YScalar("Executives\nAll calls allowed\nReviewed 2026-11")));

        var property = Assert.Single(Assert.Single(Compare(before, after).Changes).Properties);

        Assert.Equal(
            ["  Executives", "  All calls allowed", "- Reviewed 2026-01", "+ Reviewed 2026-11"],
            property.Lines!.Select(l => (l.Kind switch { TextLineKind.Added => "+ ", TextLineKind.Removed => "- ", _ => "  " }) + l.Text));
    }

    [Fact]
    public void A_new_signature_alone_is_not_a_change()
    {
        var before = Night(1);
        var after = Edit(before, Executives, c => ((YMap)((YMap)c["Export"]!)["Value"]!).Set("Signature", new YScalar("00000000-0000-0000-0000-000000000001")));

        Assert.True(Compare(before, after).IsEmpty);
    }

    [Fact]
    public void A_route_inserted_at_the_top_is_one_added_route_not_every_route_changing_priority()
    {
        var before = Night(1);
        var routes = before.Objects.Values.Where(o => o.Noun == "VoiceRoute").ToList();
        var objects = before.Objects.ToDictionary(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var content = (YMap)route.Content.DeepCopy();
            content.Set("Priority", new YScalar((int.Parse(content.Text("Priority")!, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            objects[route.Path] = route with { Content = content };
        }

        var first = routes.Single(r => r.Content.Text("Priority") == "0");
        var inserted = (YMap)first.Content.DeepCopy();
        inserted.Set("Identity", new YScalar("Emergency-First"));
        Setting(inserted, "Route").Set("Name", new YScalar("Emergency-First"));
        Setting(inserted, "Route").Set("NumberPattern", new YScalar(@"^\+?(112|911|999)$"));
        objects["cms/voice/VoiceRoute/Emergency-First.yaml"] = first with { Identity = LyncIdentity.Named("Emergency-First"), Path = "cms/voice/VoiceRoute/Emergency-First.yaml", Content = inserted };

        var change = Assert.Single(Compare(before, before with { Objects = objects }).Changes);

        Assert.Equal((ObjectChangeKind.Added, "Emergency-First"), (change.Kind, change.Identity));
    }

    [Fact]
    public void A_route_moved_up_one_place_is_one_move_of_its_priority()
    {
        var before = Night(1);
        var routes = before.Objects.Values.Where(o => o.Noun == "VoiceRoute").OrderBy(o => int.Parse(o.Content.Text("Priority")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var after = Edit(Edit(before, routes[3].Path, c => c.Set("Priority", new YScalar("2"))), routes[2].Path, c => c.Set("Priority", new YScalar("3")));

        var change = Assert.Single(Compare(before, after).Changes);

        var property = Assert.Single(change.Properties);
        Assert.Equal(("Priority", PropertyChangeKind.Moved), (property.Path, property.Kind));
        Assert.Equal(1, Math.Abs(property.From!.Value - property.To!.Value));
    }

    [Fact]
    public void A_moved_route_reads_as_the_route_order_before_and_after_around_it()
    {
        var before = Night(1);
        var routes = before.Objects.Values.Where(o => o.Noun == "VoiceRoute").OrderBy(o => int.Parse(o.Content.Text("Priority")!, System.Globalization.CultureInfo.InvariantCulture)).Select(o => o.Identity.ToString()).ToList();
        var paths = before.Objects.Values.Where(o => o.Noun == "VoiceRoute").ToDictionary(o => o.Identity.ToString(), o => o.Path);
        var after = Edit(Edit(before, paths[routes[3]], c => c.Set("Priority", new YScalar("2"))), paths[routes[2]], c => c.Set("Priority", new YScalar("3")));

        var text = LyncConfigVault.Report.ValueText.Describe(Assert.Single(Assert.Single(Compare(before, after).Changes).Properties));

        Assert.True(routes.Count > 12, "the demo has enough routes to show them around the move");
        Assert.StartsWith($"{routes[3]} moved, position 4 → 3: ", text);
        Assert.Contains($"{routes[2]}, {routes[3]}, {routes[4]}", text[..text.IndexOf('→', text.IndexOf(':'))]);
        Assert.Contains($"{routes[3]}, {routes[2]}, {routes[4]}", text[text.IndexOf('→', text.IndexOf(':'))..]);
    }
}
