using System.Text;
using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Runs;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// Per-object history on a vault of years (issue 4): a 20,000-object snapshot, then 3,650 nightly
/// commits of three changed objects each (policies, plans, routes, trunks, pools); one voice policy
/// changes every tenth night. lcv log of that
/// policy against git log of its file by the git CLI, in the same vault.
/// </summary>
internal static class LogBenchmark
{
    private const int Nights = 3_650;
    private const string Policy = "cms/voice/VoicePolicy/Tag/VP-Dublin-Intl.yaml";

    public static void Run(int objects, int runs, string work)
    {
        Console.WriteLine($"== log: {objects:N0} objects, {Nights:N0} nightly commits");
        // LCV_BENCH_VAULT keeps the built vault between runs (building it takes minutes); it is reused when it exists.
        var kept = Environment.GetEnvironmentVariable("LCV_BENCH_VAULT");
        var vault = kept ?? Path.Combine(work, "vault");
        if (!Directory.Exists(vault))
        {
            var zip = Path.Combine(work, "night1.zip");
            File.WriteAllBytes(zip, SyntheticNights.Generate(1, 1, objects).Single().CmsArchive);
            VaultRepository.Init(vault, "Bench", LyncCatalog.Default, TimeProvider.System).Dispose();
            using (var repository = VaultRepository.Open(vault, TimeProvider.System))
            {
                RunScope.Run(repository, "benchmark", [zip], _ => { }, run => new ExportIngester(LyncCatalog.Default).Ingest(run, [zip], null));
            }

            var build = Time(() => BuildYears(vault));
            Console.WriteLine($"   {Nights:N0} commits written through the object database in {build.TotalSeconds:F1} s");
        }

        var git = Median(runs, () => Shell(vault, $"git log --format=%H -- {Policy} > /dev/null"));
        IReadOnlyList<HistoryEntry> history = [];
        var log = Median(runs, () =>
        {
            using var repository = VaultRepository.Open(vault, TimeProvider.System);
            history = new ObjectHistory(LyncCatalog.Default, repository.Filters(LyncCatalog.Default)).Of(repository, new ObjectName("VoicePolicy", "Tag:VP-Dublin-Intl"));
        });
        Console.WriteLine($"   lcv log finds {history.Count} changes");
        Figure("anchor: git log -- <the policy's file> (git CLI)", git, git);
        Figure("lcv log \"VoicePolicy Tag:VP-Dublin-Intl\"", log, git, absoluteTargetSeconds: 2);
        using var vaultRepository = VaultRepository.Open(vault, TimeProvider.System);
        var snapshots = new List<Commit>();
        Figure("   of which: walking the snapshots", Median(runs, () => snapshots = RevisionResolver.Snapshots(vaultRepository.Head).ToList()), git);
        Figure("   of which: the policy's blob id in each", Median(runs, () =>
        {
            var ids = new BlobIds(Policy);
            snapshots.ForEach(c => ids.In(c));
        }), git);
    }

    private static void BuildYears(string vault)
    {
        using var git = new Repository(vault);
        var random = new Random(7);
        var commit = git.Head.Tip;
        // Admins change policies, plans, routes, trunks and pools night by night; the thousands of
        // subnets in the network configuration rarely move, and rewriting their folder's tree every
        // night would measure Git's tree writing, not lcv log.
        // An object type is picked first, then one of its objects: thousands of generated Tag policies
        // must not make every night a Tag policy night.
        var folders = VaultLayout.ObjectFiles(commit.Tree).Keys
            .Where(p => p != Policy && !p.StartsWith("cms/network/", StringComparison.Ordinal))
            .GroupBy(p => p[..p.LastIndexOf('/')])
            .Select(g => g.ToList())
            .ToList();
        for (var night = 1; night <= Nights; night++)
        {
            var tree = TreeDefinition.From(commit.Tree);
            var touched = Enumerable.Range(0, 3).Select(_ => folders[random.Next(folders.Count)]).Select(f => f[random.Next(f.Count)]).ToList();
            if (night % 10 == 0)
            {
                touched.Add(Policy);
            }

            foreach (var path in touched.Distinct())
            {
                var text = ((Blob)commit[path].Target).GetContentText();
                var edited = path == Policy ? Toggle(text, night) : text + $"# night {night}\n";
                tree.Add(path, git.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(edited))), Mode.NonExecutableFile);
            }

            var when = commit.Author.When.AddDays(1);
            var signature = new Signature("lcv", "lcv@bench", when);
            commit = git.ObjectDatabase.CreateCommit(signature, signature, $"night {night}\n", git.ObjectDatabase.CreateTree(tree), [commit], prettifyMessage: false);
        }

        git.Refs.UpdateTarget(git.Refs[VaultLayout.Branch], commit.Id, "benchmark");
    }

    // A real admin edit the history must show: simultaneous ringing switched, or the description reworded.
    private static string Toggle(string text, int night) => night % 20 == 0
        ? text.Replace("AllowSimulRing: true", "AllowSimulRing: #", StringComparison.Ordinal).Replace("AllowSimulRing: false", "AllowSimulRing: true", StringComparison.Ordinal).Replace("AllowSimulRing: #", "AllowSimulRing: false", StringComparison.Ordinal)
        : YamlText.Write(Describe(YamlText.Read(text, Policy), night));

    private static YMap Describe(YMap content, int night)
    {
        ((YMap)content["VoicePolicy"]!).Set("Description", new YScalar($"Dublin international, reviewed night {night}"));
        return content;
    }
}
