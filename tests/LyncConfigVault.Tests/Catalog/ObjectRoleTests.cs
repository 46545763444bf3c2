using LyncConfigVault.Catalog;

namespace LyncConfigVault.Tests.Catalog;

public sealed class ObjectRoleTests
{
    [Fact]
    public void Every_role_is_played_by_exactly_one_type()
    {
        foreach (var role in Enum.GetValues<ObjectRole>().Where(r => r != ObjectRole.None))
        {
            Assert.Single(LyncCatalog.Default.Entries, e => e.Role == role);
        }
    }

    [Theory]
    [InlineData("DialPlan", "DialPlan")]
    [InlineData("VoicePolicy", "VoicePolicy")]
    [InlineData("VoiceRoute", "VoiceRoute")]
    [InlineData("Trunk", "TrunkConfiguration")]
    [InlineData("PstnUsages", "PstnUsages")]
    [InlineData("VoiceTest", "VoiceTestConfiguration")]
    [InlineData("Site", "Site")]
    [InlineData("Service", "Service")]
    [InlineData("Pool", "Pool")]
    [InlineData("Topology", "Topology")]
    [InlineData("LisLocation", "LisLocation")]
    [InlineData("LisServiceProvider", "LisServiceProvider")]
    [InlineData("LisOther", "LisOther")]
    [InlineData("RgsSettings", "RgsConfiguration")]
    [InlineData("RgsAudio", "RgsAudio")]
    [InlineData("RgsFile", "RgsFile")]
    [InlineData("UserData", "UserData")]
    [InlineData("UserDataSummary", "UserDataSummary")]
    [InlineData("PersistentChatData", "PersistentChatData")]
    [InlineData("UserPolicyAssignments", "UserPolicyAssignments")]
    public void The_roles_are_played_by_the_nouns_lync_names_them_with(string role, string noun) =>
        Assert.Equal(noun, LyncCatalog.Default.Playing(Enum.Parse<ObjectRole>(role)).Noun);

    [Fact]
    public void A_pstn_usage_is_defined_by_the_global_usage_list()
    {
        Assert.Equal("PstnUsages", LyncCatalog.Default.DefinerOf("PstnUsage")?.Noun);
        Assert.Null(LyncCatalog.Default.DefinerOf("VoicePolicy"));
    }
}
