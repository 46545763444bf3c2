using System.IO.Compression;
using LyncConfigVault.Simulation;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// A very large deployment (issue 16: 100,000 objects), each lcv in a process of its own so its time and peak
/// memory are its own: the first ingest, the next night's, and the diff of the two export files, against
/// git add -A &amp;&amp; git commit of the same tree and xmllint --format + git diff --no-index of the same files.
/// Targets: an ingest within 2 minutes, the file diff within 10 s, each within 1 GB.
/// </summary>
internal static class ScaleBenchmark
{
    private const long MemoryTargetMb = 1024;

    public static void Run(int objects, string work)
    {
        Console.WriteLine($"== scale: {objects:N0} objects, two nights, each lcv its own process");
        var nights = SyntheticNights.Generate(1, 2, objects).ToList();
        var files = nights.Select((n, i) => Path.Combine(work, $"night{i + 1}.zip")).ToList();
        for (var i = 0; i < nights.Count; i++)
        {
            File.WriteAllBytes(files[i], nights[i].CmsArchive);
        }

        var vault = Path.Combine(work, "vault");
        Child(work, "init", "--vault", vault, "--time-zone", "UTC");
        var first = Child(work, "ingest", "--vault", vault, files[0]);
        var next = Child(work, "ingest", "--vault", vault, files[1]);
        var diff = Child(work, "diff", files[0], files[1]);

        var plain = Path.Combine(work, "plain");
        CopyTree(vault, plain);
        var gitCommit = Time(() => Shell(plain, "git init -q . && git add -A && git -c user.name=b -c user.email=b@b commit -qm snapshot"));
        foreach (var (file, name) in files.Select((f, i) => (f, i == 0 ? "a.xml" : "b.xml")))
        {
            using var zip = ZipFile.OpenRead(file);
            zip.GetEntry("DocItemSet.xml")!.ExtractToFile(Path.Combine(work, name));
        }

        var xmllint = Time(() => Shell(work, "xmllint --format a.xml > a.pretty && xmllint --format b.xml > b.pretty; git diff --no-index a.pretty b.pretty > /dev/null"));
        Figure("anchor: git add -A && git commit of the first snapshot's tree", gitCommit, gitCommit);
        ReportChild("lcv ingest, first night (new vault)", first, gitCommit, MemoryTargetMb, seconds: 120);
        ReportChild("lcv ingest, next night", next, gitCommit, MemoryTargetMb, seconds: 120);
        Figure("anchor: xmllint --format both + git diff --no-index", xmllint, xmllint);
        ReportChild("lcv diff night1.zip night2.zip", diff, xmllint, MemoryTargetMb, seconds: 10);
    }
}
