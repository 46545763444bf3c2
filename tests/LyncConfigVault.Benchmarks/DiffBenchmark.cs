using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Formats;
using LyncConfigVault.Normalize;
using LyncConfigVault.Report;
using LyncConfigVault.Runs;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// The diff (issue 4): two exports of one deployment some weeks apart (about 50 real changes plus
/// re-export noise), compared by lcv, by diffoscope on the two archives, and the way Backup-Lync-style
/// scripts do it: xmllint --format on both DocItemSet.xml files, then git diff --no-index.
/// </summary>
internal static class DiffBenchmark
{
    public static void Run(int objects, int runs, string work)
    {
        Console.WriteLine($"== diff: two {objects:N0}-object exports");
        var nights = SyntheticNights.Generate(1, 25, objects).ToList();
        var a = Write(work, "a.zip", nights[0].CmsArchive);
        var b = Write(work, "b.zip", nights[^1].CmsArchive);
        var adminChanges = nights.Sum(n => n.Changes.Count);
        var catalog = LyncCatalog.Default;
        var filter = NoiseFilter.FromCatalog(catalog);
        DiffReport? report = null;
        var files = Median(runs, () =>
        {
            using var sources = new ComparisonSources(catalog, Path.Combine(work, "no-vault"), TimeProvider.System);
            var (from, to) = sources.Resolve(a, b);
            report = new SnapshotDiffer(catalog, filter).Compare(from, to);
        });
        Console.WriteLine($"   {adminChanges} admin changes over 24 nights; lcv finds {report!.Summary.Total} objects: {report.Summary}");

        var vault = Path.Combine(work, "vault");
        VaultRepository.Init(vault, "Bench", catalog, TimeProvider.System).Dispose();
        foreach (var file in new[] { a, b })
        {
            using var repository = VaultRepository.Open(vault, TimeProvider.System);
            RunScope.Run(repository, "benchmark", [file], _ => { }, run => new ExportIngester(catalog).Ingest(run, [file], null));
        }

        var snapshots = Median(runs, () =>
        {
            using var repository = VaultRepository.Open(vault, TimeProvider.System);
            var head = repository.Head;
            new SnapshotDiffer(catalog, filter).Compare(new GitObjectSource(repository.Git, head.Parents.Single(), "HEAD~1"), new GitObjectSource(repository.Git, head, "HEAD"));
        });
        var html = Median(runs, () => new HtmlReportWriter().Write(report, TextWriter.Null));

        foreach (var (zip, xml) in new[] { (a, "a.xml"), (b, "b.xml") })
        {
            File.WriteAllBytes(Path.Combine(work, xml), ExportArchive.Open(zip, ArchiveLimits.Default).Entry("DocItemSet.xml")!);
        }

        var xmllint = Median(Math.Min(runs, 3), () => Shell(work, "xmllint --format a.xml > a.pretty && xmllint --format b.xml > b.pretty && git diff --no-index --stat a.pretty b.pretty > /dev/null; git diff --no-index a.pretty b.pretty > xmllint.diff"));
        var diffoscope = Time(() => Shell(work, "timeout 900 diffoscope --no-progress --text diffoscope.txt a.zip b.zip > /dev/null 2>&1"));
        Console.WriteLine($"   xmllint + git diff prints {File.ReadLines(Path.Combine(work, "xmllint.diff")).Count():N0} lines; diffoscope {File.ReadLines(Path.Combine(work, "diffoscope.txt")).Count():N0} lines; lcv {report.Changes.Sum(c => 1 + c.Properties.Count):N0}");

        Figure("anchor: xmllint --format both + git diff --no-index", xmllint, xmllint);
        Figure("anchor: diffoscope a.zip b.zip", diffoscope, xmllint);
        Figure("lcv diff a.zip b.zip (normalize both, compare)", files, xmllint, target: 1);
        Figure("lcv diff HEAD~1 HEAD (two snapshots in the vault)", snapshots, xmllint, target: 1);
        Figure("HTML report of that diff", html, xmllint);
        Faster("lcv diff HEAD~1 HEAD vs diffoscope on the archives", snapshots, diffoscope, atLeast: 20);
        Faster("lcv diff a.zip b.zip vs diffoscope on the archives", files, diffoscope, atLeast: 20);
    }

    private static string Write(string work, string name, byte[] bytes)
    {
        var path = Path.Combine(work, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
