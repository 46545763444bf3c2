using System.Globalization;
using System.Reflection;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Restore;
using LyncConfigVault.Unpack;

namespace LyncConfigVault.Simulation;

/// <summary>
/// The folder the simulated Lync module serves from: its script module, the deployment's export
/// archive, its published topology and services (rebuilt from the archive's own topology), and the
/// faults to act out.
/// </summary>
internal sealed class SimulatedLyncServer
{
    public const string ModuleFile = "SimulatedLync.psm1";

    private SimulatedLyncServer(string folder) => Folder = folder;

    public string Folder { get; }

    public string ModulePath => Path.Combine(Folder, ModuleFile);

    public static SimulatedLyncServer Create(string folder, byte[] cmsArchive, IEnumerable<SimulatedFault> faults) =>
        Create(folder, new SyntheticNight(1, DateTimeOffset.UnixEpoch, cmsArchive, []), faults);

    /// <summary>A server holding one generated night: its CMS archive and its other exports (Response Groups per pool, LIS, user data).</summary>
    public static SimulatedLyncServer Create(string folder, SyntheticNight night, IEnumerable<SimulatedFault> faults)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModuleFile), ModuleText());
        File.WriteAllLines(Path.Combine(folder, "faults.tsv"), faults.Select(f => $"{f.Cmdlet}\t{f.Target}\t{f.Fault}"));
        var server = new SimulatedLyncServer(folder);
        server.Publish(night);
        return server;
    }

    /// <summary>The same server a night later: every export file replaced by that night's.</summary>
    public void Publish(SyntheticNight night)
    {
        File.WriteAllBytes(Path.Combine(Folder, "CsConfiguration.zip"), night.CmsArchive);
        foreach (var export in night.Others)
        {
            File.WriteAllBytes(Path.Combine(Folder, export.FileName), export.Bytes);
        }

        var normalized = new ExportNormalizer(LyncCatalog.Default, NoiseFilter.FromCatalog(LyncCatalog.Default), SyntheticNights.ServerZone)
            .Normalize(ExportArchive.FromBytes("CsConfiguration.zip", night.CmsArchive, ArchiveLimits.Default), DateTimeOffset.UnixEpoch);
        File.WriteAllLines(Path.Combine(Folder, "services.tsv"), Services(normalized.Objects));
        File.WriteAllLines(Path.Combine(Folder, "sites.tsv"), normalized.Objects.Where(o => o.Noun == "Site").Select(Site));
        var topology = ExportRebuilder.Topology(normalized.Objects.Where(o => o.Path.StartsWith("topology/", StringComparison.Ordinal)).Select(o => o.Content))
            ?? throw new InvalidOperationException("the generated export holds no topology");
        File.WriteAllText(Path.Combine(Folder, "topology.xml"), topology.ToString());
    }

    private static string Site(LyncObject site)
    {
        var setting = ObjectFactory.Setting(site.Content).Value as YMap;
        return $"{setting?.Text("SiteId") ?? ""}\t{site.Identity.Name}";
    }

    public static string ModuleText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("simulation/" + ModuleFile)
            ?? throw new InvalidOperationException($"{ModuleFile} is not built into lcv");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Get-CsService's view of the deployment: every service of the published topology, "Role:poolFqdn".
    private static IEnumerable<string> Services(IEnumerable<LyncObject> objects)
    {
        foreach (var service in objects.Where(o => o.Noun == "Service").OrderBy(o => o.Identity.ToString(), StringComparer.Ordinal))
        {
            var identity = service.Identity.Name ?? "";
            var colon = identity.IndexOf(':');
            var site = ((service.Content["Service"] as YMap)?["ServiceId"] as YMap)?.Text("SiteId") ?? "";
            yield return string.Create(CultureInfo.InvariantCulture, $"{identity}\t{identity[..Math.Max(colon, 0)]}\t{identity[(colon + 1)..]}\t{site}");
        }
    }
}
