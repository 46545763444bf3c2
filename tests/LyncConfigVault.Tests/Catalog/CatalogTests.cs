using LyncConfigVault.Catalog;

namespace LyncConfigVault.Tests.Catalog;

public sealed class CatalogTests
{
    [Theory]
    [InlineData("VoicePolicy", "VoicePolicy", "voice")]
    [InlineData("VoiceRoutingPolicy", "VoiceRoutingPolicy", "voice")]
    [InlineData("LocationProfile", "DialPlan", "voice")]
    [InlineData("PSTNUsages", "PstnUsages", "voice")]
    [InlineData("PstnRoutingSettings", "RoutingConfiguration", "voice")]
    [InlineData("pstnroutingsettings", "RoutingConfiguration", "voice")]
    [InlineData("TrunkConfiguration", "TrunkConfiguration", "trunk")]
    [InlineData("TestConfiguration", "VoiceTestConfiguration", "voice")]
    [InlineData("VoiceConfiguration", "VoiceConfiguration", "voice")]
    [InlineData("MeetingPolicy", "ConferencingPolicy", "conferencing")]
    [InlineData("ClientPolicy", "ClientPolicy", "policy")]
    [InlineData("ExternalAccessPolicy", "ExternalAccessPolicy", "policy")]
    [InlineData("Mobility", "MobilityPolicy", "policy")]
    [InlineData("LocationPolicy", "LocationPolicy", "voice")]
    [InlineData("IMArchivingPolicy", "ArchivingPolicy", "policy")]
    [InlineData("UserPinPolicy", "PinPolicy", "policy")]
    [InlineData("PresencePolicy", "PresencePolicy", "policy")]
    [InlineData("UserServicesPolicy", "UserServicesPolicy", "policy")]
    [InlineData("PersistentChatPolicy", "PersistentChatPolicy", "policy")]
    [InlineData("ClientVersion", "ClientVersionPolicy", "policy")]
    [InlineData("NetworkConfigurationSettings", "NetworkConfiguration", "network")]
    [InlineData("SimpleUrlConfiguration", "SimpleUrlConfiguration", "conferencing")]
    [InlineData("Announcement", "Announcement", "voice")]
    [InlineData("RegistrarSettings", "RegistrarConfiguration", "other")]
    [InlineData("MediaSettings", "MediaConfiguration", "other")]
    [InlineData("WebServiceSettings", "WebServiceConfiguration", "other")]
    [InlineData("ConfSettings", "ConferencingConfiguration", "conferencing")]
    [InlineData("DialInConferencingConfiguration", "DialInConferencingConfiguration", "conferencing")]
    [InlineData("CallParkServiceSettings", "CallParkServiceConfiguration", "voice")]
    [InlineData("ServiceAssignments", "ServiceAssignments", "topology")]
    [InlineData("Topology", "Topology", "topology")]
    public void Every_document_type_formats_md_lists_has_a_row(string element, string noun, string area)
    {
        var entry = LyncCatalog.Default.ForDocument(element);

        Assert.NotNull(entry);
        Assert.Equal(noun, entry.Noun);
        Assert.Equal(area, entry.Area);
    }

    [Fact]
    public void Every_split_rule_names_a_catalogued_noun_and_every_folder_is_unique()
    {
        var catalog = LyncCatalog.Default;

        Assert.All(catalog.Entries.SelectMany(e => e.Splits), rule => Assert.NotNull(catalog.ForNoun(rule.Noun)));
        Assert.Equal(catalog.Entries.Count, catalog.Entries.Select(e => e.FixedPath ?? e.Folder).Distinct().Count());
        Assert.Null(catalog.ForDocument("Route"));
    }

    [Fact]
    public void The_lists_whose_order_is_meaning_are_ordered()
    {
        var catalog = LyncCatalog.Default;

        Assert.True(catalog.Noun("VoicePolicy").IsOrdered("PstnUsages"));
        Assert.True(catalog.Noun("DialPlan").IsOrdered("NormalizationRules"));
        Assert.True(catalog.Noun("TrunkConfiguration").IsOrdered("OutboundTranslationRulesList"));
        Assert.False(catalog.Noun("VoiceRoute").IsOrdered("PstnGatewayList"));
        Assert.Equal("Name", catalog.Noun("DialPlan").KeyedLists["NormalizationRules"]);
    }
}
