using System.Text.Json;
using System.Text.RegularExpressions;
using LibGit2Sharp;

namespace LyncConfigVault.Tests.Vault;

/// <summary>
/// The vault file an admin reads in a Git web UI: the settings under the noun the cmdlets use, no XML
/// envelope; what a rebuild needs sits in .lcv/envelopes/. Vaults written in the older layout read on.
/// </summary>
public sealed partial class ReadableFileTests
{
    /// <summary>The settings' element in the older layout, per noun, as the test knows Lync's XML (not from lcv's catalog).</summary>
    private static readonly Dictionary<string, string> OldElements = new()
    {
        ["DialPlan"] = "LocationProfile", ["Pool"] = "Cluster", ["VoiceRoute"] = "Route", ["Site"] = "CentralSite",
        ["RoutingConfiguration"] = "PstnRoutingSettings", ["VoiceTestConfiguration"] = "TestConfiguration",
        ["ConferencingPolicy"] = "MeetingPolicy", ["PstnUsages"] = "PSTNUsages", ["NetworkSubnet"] = "Subnets",
        ["NetworkSite"] = "NetworkSites", ["NetworkRegion"] = "NetworkRegions", ["BandwidthPolicyProfile"] = "BWPolicyProfiles",
        ["NetworkConfiguration"] = "NetworkConfigurationSettings",
    };

    [Fact]
    public void An_object_file_names_its_settings_after_the_noun_and_keeps_the_export_envelope_aside()
    {
        using var fixture = new VaultFixture(nights: 1);
        fixture.Ingest(1);

        var file = File.ReadAllText(Path.Combine(fixture.Vault, "cms", "voice", "DialPlan", "Site", "Dublin.yaml"));
        var envelope = File.ReadAllText(Path.Combine(fixture.Vault, ".lcv", "envelopes", "cms", "voice", "DialPlan", "Site", "Dublin.yaml"));

        Assert.StartsWith("Identity: Site:Dublin\nNoun: DialPlan\n", file);
        Assert.Contains("\nDialPlan:\n  Description: ", file);
        Assert.DoesNotContain("LocationProfile", file);
        Assert.DoesNotContain("Export", file);
        Assert.StartsWith("Export:\n", envelope);
        Assert.Contains("ElementName: LocationProfile", envelope);
        Assert.Contains(".lcv/envelopes/** linguist-generated=true", File.ReadAllText(Path.Combine(fixture.Vault, ".gitattributes")));
        var objects = Directory.GetFiles(Path.Combine(fixture.Vault, "cms"), "*.yaml", SearchOption.AllDirectories);
        Assert.All(objects, f => Assert.DoesNotMatch(@"(?m)^Export:", File.ReadAllText(f)));
        Assert.StartsWith("Identity: dubsql01.fabrikam.com\\rtc\n", File.ReadAllText(Path.Combine(fixture.Vault, "topology", "sql-instances", "dubsql01.fabrikam.com", "rtc.yaml")));
        Assert.DoesNotContain(Directory.GetFiles(fixture.Vault, "*", SearchOption.AllDirectories), f => !f.Contains("/.git/", StringComparison.Ordinal) && f.Contains('%', StringComparison.Ordinal));
    }

    [Fact]
    public void A_vault_in_the_older_layout_reads_on_restores_and_diffs_cleanly_against_the_new_layout()
    {
        using var older = new VaultFixture(nights: 3);
        using var newer = new VaultFixture(nights: 3);
        older.Ingest(1);
        older.Ingest(2);
        var rewritten = RewriteInOlderLayout(older.Vault);
        newer.IngestAll();

        older.Ingest(3);

        Assert.True(rewritten > 100, $"only {rewritten} files were in the older layout");
        Assert.Equal(newer.Commits()[0].MessageShort, older.Commits()[0].MessageShort);
        Assert.Equal(Changes(newer.Lcv("diff", "HEAD~1", "HEAD", "--format", "json").Output), Changes(older.Lcv("diff", "HEAD~1", "HEAD", "--format", "json").Output));
        Assert.Equal(0, older.Lcv("diff", "HEAD~2", "HEAD~1").ExitCode);   // night 2 in both layouts: the same snapshot
        Assert.Equal(Changes(newer.Lcv("diff", "HEAD~2", "HEAD~1", "--format", "json").Output), Changes(older.Lcv("diff", "HEAD~3", "HEAD~1", "--format", "json").Output));
        Assert.Contains("Identity: dubsql01.fabrikam.com\\rtc", older.Lcv("show", "HEAD~1", "SqlInstance dubsql01.fabrikam.com\\rtc").Output);
        using var restored = new TempFolder();
        var restore = older.Lcv("restore", "HEAD~1", "--out", restored.File("out"));
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
    }

    [Fact]
    public void A_service_the_topology_does_not_name_is_written_as_lync_writes_a_service_id()
    {
        using var fixture = new VaultFixture(nights: 1);
        var deployment = LyncConfigVault.Simulation.DeploymentFactory.Create(1);
        var gateway = deployment.TopologyWrapper("Services").Elements()
            .First(s => s.Elements().First(e => e.Name.LocalName == "ServiceId") is var id && id.Attribute("RoleName")!.Value == "PstnGateway" && id.Attribute("SiteId")!.Value == "1" && id.Attribute("Instance")!.Value == "2");
        gateway.Remove();
        var file = fixture.Write("without-gateway.zip", LyncConfigVault.Simulation.CmsExportWriter.Write(deployment, LyncConfigVault.Simulation.ExportNoise.None, new Random(3)));

        Assert.Equal(0, TestData.Lcv("ingest", "--vault", fixture.Vault, file).ExitCode);

        var trunk = Path.Combine(fixture.Vault, "cms", "trunk", "TrunkConfiguration", "Service", "1-PstnGateway-2.yaml");
        Assert.StartsWith("Identity: Service:1-PstnGateway-2\n", File.ReadAllText(trunk));
        Assert.Equal("Service:1-PstnGateway-2", LyncConfigVault.Model.LyncIdentity.Current("Service:PstnGateway:site1-2"));   // as an older lcv wrote it
    }

    /// <summary>
    /// A commit that rewrites every object file as an older lcv wrote it: the settings under the XML element's
    /// name and the Export block inline, no envelopes. Returns how many files it rewrote.
    /// </summary>
    private static int RewriteInOlderLayout(string vault)
    {
        var envelopes = Path.Combine(vault, ".lcv", "envelopes");
        var count = 0;
        foreach (var envelope in Directory.GetFiles(envelopes, "*.yaml", SearchOption.AllDirectories))
        {
            var file = Path.Combine(vault, Path.GetRelativePath(envelopes, envelope));
            var text = File.ReadAllText(file);
            var noun = NounLine().Match(text).Groups[1].Value;
            if (OldElements.TryGetValue(noun, out var element))
            {
                text = text.Replace($"\n{noun}:\n", $"\n{element}:\n", StringComparison.Ordinal);
            }

            File.WriteAllText(file, text + File.ReadAllText(envelope));
            count++;
        }

        // SQL instances were one escaped name: lonsql01.fabrikam.com%5Crtc.yaml.
        var instances = Path.Combine(vault, "topology", "sql-instances");
        foreach (var file in Directory.GetFiles(instances, "*.yaml", SearchOption.AllDirectories))
        {
            var server = Path.GetFileName(Path.GetDirectoryName(file)!);
            File.Move(file, Path.Combine(instances, $"{server}%5C{Path.GetFileName(file)}"));
            Directory.Delete(Path.GetDirectoryName(file)!);
        }

        Directory.Delete(envelopes, recursive: true);
        using var repo = new Repository(vault);
        Commands.Stage(repo, "*");
        var head = repo.Head.Tip;
        var trailers = head.Message[head.Message.IndexOf("\nLcv-", StringComparison.Ordinal)..];
        var who = new Signature("lcv", "lcv@older", head.Author.When.AddMinutes(1));
        repo.Commit("voice: the same snapshot, as an older lcv stored it\n" + trailers, who, who);
        return count;
    }

    private static List<string> Changes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetRawText()).ToList();
    }

    [GeneratedRegex(@"(?m)^Noun: (\w+)$")]
    private static partial Regex NounLine();
}
