using LibGit2Sharp;
using LyncConfigVault.Collect;
using LyncConfigVault.Model;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests.Collect;

/// <summary>
/// Collection as the real servers allow it: each product's exports (Lync Server 2010 has no RGS, user data
/// or persistent chat export), a pool's remote session (-FileName stays on the Front End), a share both
/// sides reach, the pools that home users, and names that are not ASCII.
/// </summary>
public sealed class CollectionPlanTests : IDisposable
{
    private const string Everything = "cms,topology,rgs,lis,users,userpolicies,persistentchat";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, bool, string> Combinations()
    {
        var data = new TheoryData<string, bool, string>();
        foreach (var version in LyncVersions.Names)
        {
            foreach (var remote in new[] { false, true })
            {
                foreach (var host in new[] { "in-process", "pwsh" })
                {
                    data.Add(version, remote, host);
                }
            }
        }

        return data;
    }

    private string Vault(string name)
    {
        var vault = _folder.File(name);
        Assert.Equal(0, TestData.Lcv("init", "--vault", vault, "--deployment", "Fabrikam").ExitCode);
        return vault;
    }

    private CliResult Backup(string vault, params string[] args) =>
        TestData.Lcv(["backup", "--vault", vault, "--raw", vault + ".raw", "--simulate", "--only", Everything, .. args]);

    /// <summary>Each file of one part of a vault's working tree, by path, with its content's hash.</summary>
    private static SortedDictionary<string, string> Files(string vault, string part) =>
        new(Directory.EnumerateFiles(Path.Combine(vault, part), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(vault, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    private static string Trailers(string vault)
    {
        using var repo = new Repository(vault);
        return string.Join('\n', repo.Head.Tip.Message.Split('\n').Where(l => l.StartsWith("Lcv-", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Every_version_collects_locally_and_remotely_and_says_what_it_could_not(string version, bool remote, string host)
    {
        var vault = Vault("vault");

        var result = Backup(vault, ["--simulate-version", version, "--host", host, .. remote ? new[] { "--simulate-remote" } : []]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var trailers = Trailers(vault);
        Assert.Contains($"Lcv-Lync: {(version is "2010" or "2013" ? "Microsoft " : "")}{LyncVersions.FromYear(version).ProductName()} (", trailers);
        Assert.Contains("Lcv-Export: cms CsConfiguration.zip", trailers);
        Assert.Contains("Lcv-Export: rgs RgsConfig-dubpool01.fabrikam.com.zip", trailers);
        if (version == "2010")
        {
            Assert.Contains("Lcv-Not-Collected: users: not collected (Lync Server 2010 has no Export-CsUserData", trailers);
            Assert.Contains("Lcv-Not-Collected: persistentchat: not collected (Lync Server 2010 has Group Chat, not Persistent Chat)", trailers);
        }
        else if (remote)
        {
            Assert.Contains("Lcv-Not-Collected: users on dubpool01.fabrikam.com: not collected (Export-CsUserData writes only on the Front End's disk through a remote session: give --share)", trailers);
        }
        else
        {
            Assert.DoesNotContain("Lcv-Not-Collected", trailers);
            Assert.Contains("Lcv-Export: persistentchat PersistentChatData.zip", trailers);
            Assert.Contains("Lcv-Export: userdata UserData-dubpool01.fabrikam.com.zip", trailers);
        }

        Assert.DoesNotContain("galsba01", trailers);   // a branch appliance homes no user data
        var audio = File.ReadAllText(Path.Combine(vault, "rgs", "dubpool01.fabrikam.com", "workflows", "Dublin Reception.yaml"));
        Assert.Contains(version == "2010" || remote ? "NotCollected: 'audio does not come with the Get-CsRgs* objects" : "Sha256: ", audio);
    }

    [Fact]
    public void The_plan_says_how_each_export_is_collected_and_collects_nothing()
    {
        var vault = Vault("vault");

        var plan = Backup(vault, "--simulate-version", "2013", "--simulate-remote", "--host", "in-process", "--plan");

        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("Microsoft Lync Server 2013 (5.0.8308.0) through a remote session:", plan.Output);
        Assert.Contains("collect cms: Export-CsConfiguration -AsBytes", plan.Output);
        Assert.Contains("collect rgs on dubpool01.fabrikam.com: remote session, no --share: Get-CsRgsWorkflow", plan.Output);
        Assert.Contains("skip    users on dubpool01.fabrikam.com: not collected (Export-CsUserData writes only on the Front End's disk", plan.Output);
        Assert.DoesNotContain("galsba01", plan.Output);
        Assert.False(Directory.Exists(vault + ".raw"));
        using var repo = new Repository(vault);
        Assert.Single(repo.Commits);
    }

    [Fact]
    public void A_pool_collected_locally_and_through_a_remote_session_with_a_share_gives_the_same_files()
    {
        var local = Vault("local");
        var shared = Vault("shared");
        var objects = Vault("objects");
        var share = Directory.CreateDirectory(_folder.File("share")).FullName;

        Assert.Equal(0, Backup(local, "--host", "in-process").ExitCode);
        Assert.Equal(0, Backup(shared, "--host", "pwsh", "--simulate-remote", "--share", share).ExitCode);
        Assert.Equal(0, Backup(objects, "--host", "in-process", "--simulate-remote").ExitCode);

        Assert.Equal(Files(local, "rgs"), Files(shared, "rgs"));
        Assert.Equal(Files(local, "cms"), Files(shared, "cms"));
        Assert.Equal(Files(local, "lis"), Files(shared, "lis"));
        // Without a share the Response Groups come as objects: the same files, but for the audio they cannot bring.
        var differing = Files(local, "rgs").Where(f => Files(objects, "rgs").GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).ToList();
        Assert.NotEmpty(differing);
        Assert.All(differing, f => Assert.True(f.EndsWith("audio.yaml", StringComparison.Ordinal) || File.ReadAllText(Path.Combine(objects, f)).Contains("NotCollected: ", StringComparison.Ordinal), f));
        Assert.Equal(Files(local, "rgs").Keys, Files(objects, "rgs").Keys);
    }

    [Theory]
    [InlineData("in-process")]
    [InlineData("pwsh")]
    public void Names_that_are_not_ascii_come_back_intact_through_each_host(string kind)
    {
        var deployment = DeploymentFactory.Create(1);
        var galway = deployment.Topology.Descendants().First(e => e.Name.LocalName == "Name" && e.Value == "Galway");
        galway.Value = "Zürich";
        deployment.Find("VoicePolicy", "Tag", "VP-Dublin-Intl")!.Key.SetAttributeValue("Name", "Café-Intl");
        deployment.ExportTime = new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);
        var server = SimulatedLyncServer.Create(_folder.File("server"), CmsExportWriter.Write(deployment, ExportNoise.None, new Random(1)), []);
        using PowerShellHost host = kind == "pwsh" ? new PwshHost(PwshLocator.Find()!, server.ModulePath).Started() : new InProcessHost(server.ModulePath);
        Assert.True(host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1)).Succeeded);

        var outcomes = new Collector(host, TimeSpan.FromMinutes(1), _ => { }, TestData.AdminEditTime).Run([ExportTask.Topology(_folder.Path), ExportTask.Cms(_folder.Path)]);
        var sites = host.Invoke("Get-CsSite", new Dictionary<string, object>(), TimeSpan.FromMinutes(1));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Failure));
        Assert.Contains("<Name>Zürich</Name>", File.ReadAllText(outcomes[0].Task.FileName));
        Assert.Contains(sites.Objects, s => s["DisplayName"] == "Zürich");
        var vault = Vault("vault");
        Assert.Equal(0, TestData.Lcv("ingest", "--vault", vault, outcomes[1].Task.FileName).ExitCode);
        Assert.True(File.Exists(Path.Combine(vault, "cms", "voice", "VoicePolicy", "Tag", "Café-Intl.yaml")));
        Assert.True(File.Exists(Path.Combine(vault, "topology", "sites", "Zürich.yaml")));
    }

    [Fact]
    public void Persistent_chat_is_exported_from_the_store_the_topology_names_and_never_without_it()
    {
        var server = SimulatedLyncServer.Create(_folder.File("server"), SyntheticNights.Generate(1, 1, parts: SyntheticParts.All).Single(), []);
        using var host = new InProcessHost(server.ModulePath);
        host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1));
        var file = _folder.File("PersistentChatData.zip");

        var without = host.Invoke("Export-CsPersistentChatData", new Dictionary<string, object> { ["FileName"] = file }, TimeSpan.FromMinutes(1));
        var (pools, _) = DeploymentPools.Discover(host, TimeSpan.FromMinutes(1), applicationServer: false, userServer: true, persistentChat: true);

        Assert.Contains("DBInstance", without.Failure);
        Assert.Equal("pchatsql01.fabrikam.com\\pchat", pools.PersistentChatDatabase);
        Assert.Equal(["amspool01.fabrikam.com", "dubpool01.fabrikam.com", "lonpool01.fabrikam.com", "nycpool01.fabrikam.com", "rtmpool01.fabrikam.com"], pools.UserServer);
    }

    [Fact]
    public void A_module_that_loads_under_no_name_ends_the_run_once_naming_each_name_tried()
    {
        var error = Assert.Throws<LcvException>(() => HostFactory.Create("pwsh", ["SkypeForBusiness", "Lync"]));

        Assert.Contains("The Lync PowerShell module could not be loaded (none of the modules tried loads: SkypeForBusiness (", error.Message);
        Assert.Contains("; Lync (", error.Message);
        Assert.Equal(3, error.ExitCode);
    }
}
