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

    public static SimulatedLyncServer Create(string folder, byte[] cmsArchive, IEnumerable<SimulatedFault> faults)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModuleFile), ModuleText());
        File.WriteAllBytes(Path.Combine(folder, "CsConfiguration.zip"), cmsArchive);
        var normalized = new ExportNormalizer(LyncCatalog.Default, NoiseFilter.FromCatalog(LyncCatalog.Default))
            .Normalize(ExportArchive.FromBytes("CsConfiguration.zip", cmsArchive, ArchiveLimits.Default), DateTimeOffset.UnixEpoch);
        File.WriteAllLines(Path.Combine(folder, "services.tsv"), Services(normalized.Objects));
        var topology = ExportRebuilder.Topology(normalized.Objects.Where(o => o.Path.StartsWith("topology/", StringComparison.Ordinal)).Select(o => o.Content))
            ?? throw new InvalidOperationException("the generated export holds no topology");
        File.WriteAllText(Path.Combine(folder, "topology.xml"), topology.ToString());
        File.WriteAllLines(Path.Combine(folder, "faults.tsv"), faults.Select(f => $"{f.Cmdlet}\t{f.Target}\t{f.Fault}"));
        return new SimulatedLyncServer(folder);
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
