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
    [InlineData("COM¹")]
    [InlineData("lpt³.yaml")]
    [InlineData("CON .x")]
    [InlineData("conin$")]
    [InlineData("COM0")]
    public void Every_segment_decodes_back_to_the_name_and_is_legal_on_windows(string name)
    {
        var segment = VaultPaths.Segment(name);

        Assert.Equal(name, VaultPaths.DecodeSegment(segment));
        Assert.DoesNotContain(segment, c => "<>:\"/\\|?*".Contains(c) || c < 32);
        Assert.False(segment.EndsWith('.') || segment.EndsWith(' ') || segment.StartsWith(' '));
        // Windows' own list of device names (Naming Files, Paths, and Namespaces), with any extension.
        string[] devices = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" }), "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"];
        Assert.DoesNotContain(segment.Split('.')[0].TrimEnd(' '), devices, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_name_too_long_for_a_file_system_gets_a_short_stable_distinct_segment()
    {
        var name = string.Concat(Enumerable.Repeat("Project Ünïcode: ", 30));

        var segment = VaultPaths.Segment(name);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(segment) <= 160, segment);
        Assert.Equal(segment, VaultPaths.Segment(name));
        Assert.NotEqual(segment, VaultPaths.Segment(name + "2"));
        Assert.StartsWith("Project Ünïcode%3A Project", segment);
        Assert.Matches("~[0-9a-f]{16}$", segment);
    }
}
