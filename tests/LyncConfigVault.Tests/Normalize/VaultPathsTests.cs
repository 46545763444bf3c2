using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Tests.Normalize;

public sealed class VaultPathsTests
{
    [Theory]
    [InlineData("Tag:Intl", "cms/voice/VoicePolicy/Tag/Intl.yaml")]
    [InlineData("Global", "cms/voice/VoicePolicy/Global.yaml")]
    [InlineData("Site:Dublin", "cms/voice/VoicePolicy/Site/Dublin.yaml")]
    [InlineData("site:Dublin", "cms/voice/VoicePolicy/Site/Dublin.yaml")]
    [InlineData("Tag:CON", "cms/voice/VoicePolicy/Tag/%43ON.yaml")]
    [InlineData("Tag:a:b*c?", "cms/voice/VoicePolicy/Tag/a%3Ab%2Ac%3F.yaml")]
    [InlineData("Tag:trailing.", "cms/voice/VoicePolicy/Tag/trailing%2E.yaml")]
    [InlineData("Tag:100%", "cms/voice/VoicePolicy/Tag/100%25.yaml")]
    public void Identities_map_to_windows_safe_paths(string identity, string expected)
    {
        var path = VaultPaths.For(LyncCatalog.Default.Noun("VoicePolicy"), LyncIdentity.Parse(identity));

        Assert.Equal(expected, path);
    }

    [Fact]
    public void Service_scoped_trunks_get_one_folder_per_role()
    {
        var path = VaultPaths.For(LyncCatalog.Default.Noun("TrunkConfiguration"), LyncIdentity.Parse("Service:PstnGateway:10.0.0.5"));

        Assert.Equal("cms/trunk/TrunkConfiguration/Service/PstnGateway/10.0.0.5.yaml", path);
    }

    [Theory]
    [InlineData("CON")]
    [InlineData("lpt1.txt")]
    [InlineData("a<b>c|d\"e")]
    [InlineData("back\\slash/slash")]
    [InlineData(" lead and trail ")]
    [InlineData("..")]
    [InlineData("ünï – 100%")]
    [InlineData("tab\there")]
    public void Every_segment_decodes_back_to_the_name_and_is_legal_on_windows(string name)
    {
        var segment = VaultPaths.Segment(name);

        Assert.Equal(name, VaultPaths.DecodeSegment(segment));
        Assert.DoesNotContain(segment, c => "<>:\"/\\|?*".Contains(c) || c < 32);
        Assert.False(segment.EndsWith('.') || segment.EndsWith(' ') || segment.StartsWith(' '));
        Assert.NotEqual("CON", segment.Split('.')[0], StringComparer.OrdinalIgnoreCase);
    }
}
