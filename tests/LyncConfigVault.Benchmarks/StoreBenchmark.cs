using System.Globalization;
using LyncConfigVault.Catalog;
using LyncConfigVault.Formats;
using LyncConfigVault.Normalize;
using LyncConfigVault.Runs;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// The vault (issue 3): normalize vs a bare XmlReader pass; storing a snapshot vs git add -A + git
/// commit; a no-change run.
/// </summary>
internal static class StoreBenchmark
{
    /// <summary>Normalize alone against the bare XmlReader anchor: the suite to run under a profiler.</summary>
    public static void NormalizeOnly(int objects, int runs, string work)
    {
        Console.WriteLine($"== normalize: {objects:N0}-object export, median of {runs} runs");
        var archive = SyntheticNights.Generate(1, 1, objects).Single().CmsArchive;
        var zip = Path.Combine(work, "CsConfiguration.zip");
        var docItemSet = ExportArchive.FromBytes(zip, archive, ArchiveLimits.Default).Entry("DocItemSet.xml")!;
        var filter = NoiseFilter.FromCatalog(LyncCatalog.Default);
        var anchor = Median(runs, () => BareXmlReaderPass(docItemSet));
        Figure("anchor: bare XmlReader pass over DocItemSet.xml", anchor, anchor);
        Figure("normalize (XML → objects)", Median(runs, () => new CmsNormalizer(LyncCatalog.Default, filter).Normalize(docItemSet, zip, "DocItemSet.xml")), anchor, target: 2);
    }

    public static void Run(int objects, int runs, string work)
    {
        Console.WriteLine($"== store: {objects:N0}-object export, median of {runs} runs");
        var nights = SyntheticNights.Generate(1, 4, objects).ToList();
        var zip = Path.Combine(work, "CsConfiguration.zip");
        File.WriteAllBytes(zip, nights[0].CmsArchive);
        var docItemSet = ExportArchive.FromBytes(zip, nights[0].CmsArchive, ArchiveLimits.Default).Entry("DocItemSet.xml")!;
        Console.WriteLine($"DocItemSet.xml: {docItemSet.Length / 1024.0 / 1024.0:F1} MB");

        var catalog = LyncCatalog.Default;
        var filter = NoiseFilter.FromCatalog(catalog);
        var xmlReader = Median(runs, () => BareXmlReaderPass(docItemSet));
        var normalize = Median(runs, () => new CmsNormalizer(catalog, filter).Normalize(docItemSet, zip, "DocItemSet.xml"));
        var normalizeYaml = Median(runs, () =>
        {
            foreach (var obj in new CmsNormalizer(catalog, filter).Normalize(docItemSet, zip, "DocItemSet.xml"))
            {
                YamlText.WriteBytes(obj.Content);
            }
        });
        Figure("anchor: bare XmlReader pass over DocItemSet.xml", xmlReader, xmlReader);
        Figure("XDocument load only", Median(runs, () => SafeXml.Load(docItemSet, zip, "DocItemSet.xml")), xmlReader);
        var loaded = new CmsNormalizer(catalog, filter).Normalize(SafeXml.Load(docItemSet, zip, "DocItemSet.xml"), zip);
        Figure("YAML text only", Median(runs, () => { foreach (var o in loaded) { YamlText.WriteBytes(o.Content); } }), xmlReader);
        var doc = SafeXml.Load(docItemSet, zip, "DocItemSet.xml");
        var subnets = doc.Descendants().Where(e => e.Name.LocalName == "Subnets").ToList();
        Figure($"ToYaml of {subnets.Count} subnet elements", Median(runs, () => { foreach (var e in subnets) { ElementYamlMapper.ToYaml(e, e.Name.NamespaceName, _ => false); } }), xmlReader);
        var factory = new ObjectFactory(filter);
        var entry = catalog.Noun("NetworkSubnet");
        Figure($"ObjectFactory.Create of subnets", Median(runs, () => { foreach (var e in subnets) { factory.Create(entry, LyncConfigVault.Model.LyncIdentity.Named(e.Attribute("SubnetID")!.Value), null, null, e, e.Name.NamespaceName, new LyncConfigVault.Model.YMap().Add("Position", "1")); } }), xmlReader);
        Figure($"VaultPaths of subnets", Median(runs, () => { foreach (var e in subnets) { VaultPaths.For(entry, LyncConfigVault.Model.LyncIdentity.Named(e.Attribute("SubnetID")!.Value)); } }), xmlReader);
        var policies = doc.Descendants().Where(e => e.Name.LocalName == "VoicePolicy" && e.Parent!.Name.LocalName == "Value").ToList();
        var vpEntry = catalog.Noun("VoicePolicy");
        Figure($"ToYaml of {policies.Count} voice policies", Median(runs, () => { foreach (var e in policies) { ElementYamlMapper.ToYaml(e, e.Name.NamespaceName, vpEntry.IsList); } }), xmlReader);
        Figure($"Create of voice policies", Median(runs, () => { foreach (var e in policies) { factory.Create(vpEntry, LyncConfigVault.Model.LyncIdentity.Tag("x"), null, null, e, e.Name.NamespaceName, new LyncConfigVault.Model.YMap().Add("Position", "1")); } }), xmlReader);
        var fp = new SemanticFingerprint(catalog, filter);
        Figure("fingerprints only", Median(runs, () => { foreach (var o in loaded) { fp.Of(o.Content); } }), xmlReader);
        Figure("normalize (XML → objects)", normalize, xmlReader, target: 2);
        var allocated = GC.GetTotalAllocatedBytes(true); var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)); var pause = GC.GetTotalPauseDuration();
        new CmsNormalizer(catalog, filter).Normalize(docItemSet, zip, "DocItemSet.xml");
        Console.WriteLine($"   normalize allocates {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576} MB, GCs {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds} ms");
        Figure("normalize + YAML text of every object", normalizeYaml, xmlReader);

        var vaultPath = Path.Combine(work, "vault");
        using (VaultRepository.Init(vaultPath, "Bench", catalog, TimeProvider.System))
        {
        }

        var store = Time(() => Ingest(vaultPath, zip));
        var gitTree = Path.Combine(work, "git-anchor");
        CopyTree(vaultPath, gitTree);
        var git = Time(() => Shell(gitTree, "git init -q && git add -A && git -c user.name=b -c user.email=b@b commit -qm snapshot"));
        Figure("anchor: git add -A && git commit (git CLI, same tree)", git, git);
        Figure("store the first snapshot (lcv ingest, whole run)", store, git);

        var noChange = Path.Combine(work, "night4.zip");
        File.WriteAllBytes(noChange, nights[3].CmsArchive);
        for (var night = 2; night <= 3; night++)
        {
            var file = Path.Combine(work, $"night{night}.zip");
            File.WriteAllBytes(file, nights[night - 1].CmsArchive);
            Ingest(vaultPath, file);
        }

        var unchanged = Time(() => Ingest(vaultPath, noChange));
        Figure("no-change run (night 4: only re-export noise)", unchanged, xmlReader, absoluteTargetSeconds: 1);
    }

    private static void Ingest(string vault, string file)
    {
        using var repository = VaultRepository.Open(vault, TimeProvider.System);
        RunScope.Run(repository, "benchmark", [file], _ => { }, run => new ExportIngester(LyncCatalog.Default).Ingest(run, [file], null));
    }

}
