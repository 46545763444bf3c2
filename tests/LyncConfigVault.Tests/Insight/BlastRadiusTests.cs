using System.Text.Json;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Tests.Insight;

/// <summary>Per-user policy assignments: collected through Get-CsUser (opt-in), stored pseudonymized, counted in --impact.</summary>
public sealed class BlastRadiusTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Vault => _folder.File("vault");

    /// <summary>Users granted a policy, counted straight from the stored files, independently of lcv's own counting.</summary>
    private int GrantedInFiles(string property, string tag) =>
        Directory.GetFiles(Path.Combine(Vault, "users", "policy-assignments"), "*.yaml")
            .SelectMany(f => ((YSeq)((YMap)YamlText.Read(File.ReadAllText(f), f)["UserPolicyAssignments"]!)["Users"]!).Items.OfType<YMap>())
            .Count(u => u.Text(property) == tag);

    [Theory]
    [InlineData("in-process")]
    [InlineData("pwsh")]
    public void Get_cs_user_is_collected_only_when_asked_and_stored_without_a_single_sip_address(string host)
    {
        Assert.Equal(0, TestData.Lcv("init", "--vault", Vault, "--deployment", "Fabrikam", "--time-zone", "UTC").ExitCode);

        var result = TestData.Lcv("backup", "--vault", Vault, "--raw", _folder.File("raw"), "--simulate", "--host", host, "--only", "cms,userpolicies");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains($"Get-CsUser ({host})", result.Output);
        var files = Directory.GetFiles(Path.Combine(Vault, "users", "policy-assignments"), "*.yaml");
        Assert.Equal(6, files.Length);
        Assert.All(files, f => Assert.DoesNotContain("@", File.ReadAllText(f)));   // users are pseudonyms: no SIP address is stored
        Assert.Contains("VoicePolicy: Tag:VP-Dublin-Intl", File.ReadAllText(Path.Combine(Vault, "users", "policy-assignments", "dubpool01.fabrikam.com.yaml")));
        Assert.True(GrantedInFiles("VoicePolicy", "Tag:VP-Executives") > 0);
    }

    [Fact]
    public void The_impact_of_a_changed_policy_counts_the_users_it_applies_to()
    {
        Assert.Equal(0, TestData.Lcv("demo", "--vault", Vault).ExitCode);

        var result = TestData.Lcv("diff", "--vault", Vault, "HEAD~5", "HEAD", "--impact", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var notes = json.RootElement.GetProperty("changes").EnumerateArray()
            .SelectMany(c => c.GetProperty("impact").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "users")
                .Select(n => (Identity: c.GetProperty("identity").GetString(), Text: n.GetProperty("text").GetString(), Users: n.GetProperty("users").GetInt32())))
            .ToList();
        var executives = GrantedInFiles("VoicePolicy", "Tag:VP-Executives");
        Assert.Contains(("Tag:VP-Executives", $"assigned to {executives} users", executives), notes);
        var renamed = GrantedInFiles("VoicePolicy", "Tag:VP-Dublin-Restricted");
        Assert.Contains(("Tag:VP-Dublin-Restricted-R07", $"{renamed} users still granted Tag:VP-Dublin-Restricted, which no longer exists", renamed), notes);
        Assert.Contains(notes, n => n.Identity == "Site:Rotterdam" && n.Text!.StartsWith("applies to ", StringComparison.Ordinal) && n.Text.EndsWith(" users homed in Site:Rotterdam with no per-user voice policy", StringComparison.Ordinal));
        Assert.Contains(("Tag:CP-Lync2010Compat", "no user was granted Tag:CP-Lync2010Compat", 0), notes);
        var check = TestData.Lcv("check", "--vault", Vault);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"missing-reference: {renamed} users homed on dubpool01.fabrikam.com are granted VoicePolicy Tag:VP-Dublin-Restricted, which does not exist", check.Output);
    }
}
