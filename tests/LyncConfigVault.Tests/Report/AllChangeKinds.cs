using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using static LyncConfigVault.Tests.Diff.DiffTestData;

namespace LyncConfigVault.Tests.Report;

/// <summary>
/// One report holding every kind of change, made from a generated night: a setting changed, PSTN
/// usages reordered, a normalization rule edited, a gateway added to a route, a multi-line description
/// edited, a policy renamed, one removed, one added.
/// </summary>
internal static class AllChangeKinds
{
    public static DiffReport Report()
    {
        var before = Edit(Night(1), "cms/voice/VoicePolicy/Tag/VP-London-Intl.yaml", c => Setting(c, "VoicePolicy").Set("Description", new YScalar("London international callers\nApproved by CAB-1042\nOwner: telephony team")));
        var after = Edit(before, "cms/voice/VoicePolicy/Tag/VP-Executives.yaml", c =>
        {
            Setting(c, "VoicePolicy").Set("AllowSimulRing", new YScalar("false"));
            var usages = List(c, "VoicePolicy", "PstnUsages").Items;
            (usages[0], usages[1]) = (usages[1], usages[0]);
        });
        after = Edit(after, "cms/voice/DialPlan/Site/Dublin.yaml", c => ((YMap)List(c, "LocationProfile", "NormalizationRules").Items[1]).Set("Pattern", new YScalar(@"^([2-9]\d{5,7})$")));
        after = Edit(after, "cms/voice/VoiceRoute/Amsterdam-International.yaml", c => List(c, "Route", "PstnGatewayList").Items.Add(new YScalar("PstnGateway:amsgw02.fabrikam.com")));
        after = Edit(after, "cms/voice/VoicePolicy/Tag/VP-London-Intl.yaml", c => Setting(c, "VoicePolicy").Set("Description", new YScalar("London international callers\nApproved by CAB-2211\nOwner: telephony team")));
        after = Rename(after, "cms/voice/VoicePolicy/Tag/VP-Galway-Intl.yaml", "VP-Galway-International");
        var objects = after.Objects.ToDictionary(StringComparer.Ordinal);
        objects.Remove("cms/policy/ClientPolicy/Tag/CP-Kiosk.yaml");
        var kiosk = before.Objects["cms/policy/ClientPolicy/Tag/CP-Kiosk.yaml"];
        var lobby = (YMap)kiosk.Content.DeepCopy();
        lobby.Set("Identity", new YScalar("Tag:CP-Lobby <Reception & Guests>"));
        foreach (var (key, value) in Setting(lobby, "ClientPolicy").Entries.ToList())
        {
            Setting(lobby, "ClientPolicy").Set(key, new YScalar(value is YScalar { Text: "false" } ? "true" : "false"));   // unlike any policy before: an addition, not a rename
        }

        objects["cms/policy/ClientPolicy/Tag/CP-Lobby.yaml"] = kiosk with { Identity = LyncIdentity.Tag("CP-Lobby <Reception & Guests>"), Path = "cms/policy/ClientPolicy/Tag/CP-Lobby.yaml", Content = lobby };
        return Compare(before, after with { Objects = objects });
    }
}
