using System.IO.Compression;
using LyncConfigVault.Simulation;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// Issue 18: every command at 20,000 objects (routes, dial plans, tag policies, subnets), busy nights of at least
/// 50 changed objects, each lcv in a process of its own as an admin runs it, start-up included. Each figure beside
/// the anchor the issue names, measured in the same run on the same files: xmllint --format + git diff --no-index,
/// git diff between the two commits, git add -A &amp;&amp; git commit of the same tree.
/// </summary>
internal static class SpeedBenchmark
{
    private const long MemoryTargetMb = 400;

    public static void Run(int objects, string work)
    {
        Console.WriteLine($"== speed: {objects:N0} objects, nights of at least 50 changes, each lcv its own process");
        var nights = SyntheticNights.Generate(1, 4, objects, busy: 50).ToList();
        var files = nights.Select((n, i) => Path.Combine(work, $"night{i + 1}.zip")).ToList();
        for (var i = 0; i < nights.Count; i++)
        {
            File.WriteAllBytes(files[i], nights[i].CmsArchive);
        }

        Console.WriteLine($"night 2 changed {nights[1].Changes.Count} objects; night 4 only re-exported");
        var vault = Path.Combine(work, "vault");
        Child(work, "init", "--vault", vault, "--time-zone", "UTC");
        var first = Child(work, "ingest", "--vault", vault, files[0]);
        var plain = Path.Combine(work, "plain");
        CopyTree(vault, plain);
        var gitCommit = Time(() => Shell(plain, "git init -q . && git add -A && git -c user.name=b -c user.email=b@b commit -qm snapshot"));

        var nightly = Child(work, "ingest", "--vault", vault, files[1]);
        var gitDiff = Time(() => Shell(vault, "git diff --no-ext-diff --no-textconv HEAD~1 HEAD > /dev/null"));
        var vaultDiff = Child(work, "diff", "--vault", vault, "HEAD~1", "HEAD");
        var impact = Child(work, "diff", "--vault", vault, "HEAD~1", "HEAD", "--impact");
        var check = Child(work, "check", "--vault", vault);
        var restore = Child(work, "restore", "HEAD", "--vault", vault, "--out", Path.Combine(work, "restored"));
        Child(work, "ingest", "--vault", vault, files[2]);
        var noChange = Child(work, "ingest", "--vault", vault, files[3]);

        foreach (var (file, name) in files.Take(2).Select((f, i) => (f, i == 0 ? "a.xml" : "b.xml")))
        {
            using var zip = ZipFile.OpenRead(file);
            zip.GetEntry("DocItemSet.xml")!.ExtractToFile(Path.Combine(work, name));
        }

        var xmllint = Time(() => Shell(work, "xmllint --format a.xml > a.pretty && xmllint --format b.xml > b.pretty; git diff --no-index a.pretty b.pretty > /dev/null"));
        var fileDiff = Child(work, "diff", files[0], files[1]);

        Figure("anchor: xmllint --format both + git diff --no-index", xmllint, xmllint);
        ReportChild("lcv diff night1.zip night2.zip", fileDiff, xmllint, MemoryTargetMb, ratio: 1.0);
        Figure("anchor: git diff HEAD~1 HEAD in the vault", gitDiff, gitDiff);
        ReportChild("lcv diff --vault HEAD~1 HEAD", vaultDiff, gitDiff, MemoryTargetMb, seconds: 0.3);
        ReportChild("lcv ingest, no-change night (re-export noise only)", noChange, gitDiff, MemoryTargetMb, seconds: 1);
        ReportChild("lcv ingest, next night, after-run check included", nightly, gitDiff, MemoryTargetMb, seconds: 2);
        ReportChild("lcv check", check, gitDiff, MemoryTargetMb, seconds: 1);
        ReportChild("lcv diff --vault HEAD~1 HEAD --impact", impact, gitDiff, MemoryTargetMb, seconds: 3);
        ReportChild("lcv restore HEAD --out", restore, gitDiff, MemoryTargetMb, seconds: 3);
        Figure("anchor: git add -A && git commit of the first snapshot's tree", gitCommit, gitCommit);
        ReportChild("lcv ingest, first night (new vault)", first, gitCommit, MemoryTargetMb, ratio: 2.0);
    }
}
