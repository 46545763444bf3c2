using System.Reflection;
using LyncConfigVault.Model;

namespace LyncConfigVault.Simulation;

/// <summary>
/// The folder the simulated Lync module serves from: its script module, the deployment's export
/// archive, its published topology and services (read from the archive's own topology by <see cref="ServedTopology"/>), and the
/// faults to act out.
/// </summary>
internal sealed class SimulatedLyncServer
{
    public const string ModuleFile = "SimulatedLync.psm1";

    private SimulatedLyncServer(string folder, LyncVersion version)
    {
        Folder = folder;
        Version = version;
    }

    public string Folder { get; }

    public LyncVersion Version { get; }

    /// <summary>The module file itself, as the product's module names it (Modules/SkypeForBusiness/SkypeForBusiness.psm1, or Lync).</summary>
    public string ModulePath => Path.Combine(Folder, "Modules", Version.ModuleName(), Version.ModuleName() + ".psm1");

    /// <summary>The modules lcv tries in turn, as it tries SkypeForBusiness then Lync on a real server: only the product's own is there.</summary>
    public IReadOnlyList<string> ModuleCandidates => [Path.Combine(Folder, "Modules", "SkypeForBusiness"), Path.Combine(Folder, "Modules", "Lync")];

    /// <summary>Where a remote session's -FileName exports land: on the "Front End", out of lcv's reach.</summary>
    public string ServerDisk => Path.Combine(Folder, "server-disk");

    public static SimulatedLyncServer Create(string folder, byte[] cmsArchive, IEnumerable<SimulatedFault> faults) =>
        Create(folder, new SyntheticNight(1, DateTimeOffset.UnixEpoch, cmsArchive, []), faults);

    /// <summary>A server holding one generated night: its CMS archive and its other exports (Response Groups per pool, LIS, user data).</summary>
    /// <param name="remote">Reached through a remote session: -FileName exports stay on the server unless written to <paramref name="share"/>.</param>
    public static SimulatedLyncServer Create(string folder, SyntheticNight night, IEnumerable<SimulatedFault> faults,
        LyncVersion version = LyncVersion.SkypeForBusiness2019, bool remote = false, string? share = null)
    {
        Directory.CreateDirectory(folder);
        var server = new SimulatedLyncServer(folder, version);
        Directory.CreateDirectory(Path.GetDirectoryName(server.ModulePath)!);
        File.WriteAllText(server.ModulePath, ModuleText());
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(server.ModulePath)!, "version.txt"), ServerVersionText(version));
        File.WriteAllLines(Path.Combine(folder, "faults.tsv"), faults.Select(f => $"{f.Cmdlet}\t{f.Target}\t{f.Fault}"));
        if (remote)
        {
            File.WriteAllText(Path.Combine(folder, "remote.flag"), "");
            File.WriteAllText(Path.Combine(folder, "share.txt"), share ?? "");
        }

        server.Publish(night);
        return server;
    }

    // As Get-CsServerVersion prints it on each product.
    private static string ServerVersionText(LyncVersion version) => version switch
    {
        LyncVersion.Lync2010 => "Microsoft Lync Server 2010 (4.0.7577.0): Volume license key installed.",
        LyncVersion.Lync2013 => "Microsoft Lync Server 2013 (5.0.8308.0): Volume license key installed.",
        LyncVersion.SkypeForBusiness2015 => "Skype for Business Server 2015 (6.0.9319.0): Volume license key installed.",
        _ => "Skype for Business Server 2019 (7.0.2046.0): Volume license key installed.",
    };

    /// <summary>The same server a night later: every export file replaced by that night's.</summary>
    public void Publish(SyntheticNight night)
    {
        File.WriteAllBytes(Path.Combine(Folder, "CsConfiguration.zip"), night.CmsArchive);
        foreach (var export in night.Others)
        {
            File.WriteAllBytes(Path.Combine(Folder, export.FileName), export.Bytes);
        }

        var topology = ServedTopology.FromArchive(night.CmsArchive);
        File.WriteAllLines(Path.Combine(Folder, "services.tsv"), topology.ServiceLines().Append(PersistentChatStore(topology.Domain() ?? "fabrikam.com")));
        File.WriteAllLines(Path.Combine(Folder, "sites.tsv"), topology.SiteLines());
        File.WriteAllText(Path.Combine(Folder, "topology.xml"), topology.Topology.ToString());
    }

    public static string ModuleText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("simulation/" + ModuleFile)
            ?? throw new InvalidOperationException($"{ModuleFile} is not built into lcv");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The persistent chat store of the deployment, where Export-CsPersistentChatData -DBInstance points: on the first site's SQL server.
    private static string PersistentChatStore(string domain) =>
        $"PersistentChatStore:pchatsql01.{domain}\tPersistentChatStore\tpchatsql01.{domain}\t1\tpchat";
}
