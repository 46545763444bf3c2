using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Diff;
using LyncConfigVault.Insight.Impact;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Restore;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Runs;

/// <summary>The demo's story, told: the vault it filled, what changed on the last night, and the whole week as an HTML report.</summary>
internal sealed record DemoStory(string VaultRoot, DiffReport LastNight, DiffReport Week, string HtmlReport);

/// <summary>
/// lcv demo: a new vault, then one lcv backup per synthetic night against the simulated Lync module in a PowerShell
/// runspace, as the nightly job would run it; then the last night's diff and the week's, with its impact and undo.
/// </summary>
internal sealed class DemoJob(LyncCatalog catalog, TimeProvider clock)
{
    private static readonly IReadOnlyList<string> Exports =
        [.. new[] { ExportKind.Cms, ExportKind.Rgs, ExportKind.Lis, ExportKind.UserData, ExportKind.UserPolicies }.Select(k => ExportKinds.Of(k).Name)];

    /// <param name="gitCommand">The lcv the vault's Git diff driver calls (lcv git-setup's default).</param>
    public DemoStory Run(string root, int nights, int seed, string gitCommand, IDemoWatcher watcher)
    {
        var work = Path.Combine(Path.GetTempPath(), $"lcv-demo-{Environment.ProcessId}-{seed}-{Guid.NewGuid():N}");
        var generated = SyntheticNights.Generate(seed, nights, parts: SyntheticParts.All).ToList();
        using var vault = VaultRepository.Init(root, "Fabrikam", catalog, clock, SyntheticNights.ServerZone.Id);
        RunScope.Run(vault, "git-setup", [], watcher.Warning, run => GitDiffDriver.Register(run, gitCommand));
        watcher.Created(vault.Root);
        Backups(vault, generated, Path.Combine(work, "server"), Path.Combine(work, "raw"), watcher);

        using var sources = new ComparisonSources(catalog, vault.Root, clock);
        var (lastFrom, lastTo) = sources.LastChange();
        var differ = new SnapshotDiffer(catalog, vault.Filters(catalog));
        var lastNight = differ.Compare(lastFrom, lastTo);
        var weekStart = sources.Snapshot(RevisionResolver.Snapshots(vault.Head).Last().Sha);
        var week = differ.Compare(weekStart, lastTo);
        week = week with
        {
            Impact = new ImpactAnalyzer(catalog).Analyze(weekStart, lastTo, week, VaultLayout.Parts),
            Undo = UndoCommands.For(catalog, week),
        };
        var html = vault.Root.TrimEnd(Path.DirectorySeparatorChar) + "-changes.html";
        using (var file = new StreamWriter(html, false, new System.Text.UTF8Encoding(false)))
        {
            var (deployment, baselines) = sources.Context();
            new HtmlReportWriter(new ReportHeader(deployment, $"Lync configuration changes: {deployment}, the demo's week", null, baselines)).Write(week, file);
        }

        Directory.Delete(work, recursive: true);
        return new DemoStory(vault.Root, lastNight, week, html);
    }

    private void Backups(VaultRepository vault, IReadOnlyList<SyntheticNight> generated, string serverFolder, string rawFolder, IDemoWatcher watcher)
    {
        var server = SimulatedLyncServer.Create(serverFolder, generated[0], []);
        var site = new CollectionSite(server.Version, "the simulated Fabrikam deployment", Remote: false, Share: null);
        using var host = new InProcessHost(server.ModulePath);
        var backup = new BackupRun(catalog, CommitDescriber.Factory(catalog));
        foreach (var night in generated)
        {
            // The same server, a night later: its export archive is the generator's next night.
            server.Publish(night);
            host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1));
            var raw = BackupRun.NewRawFolder(rawFolder, night.ExportTime);
            var (pools, _) = DeploymentPools.Discover(host, TimeSpan.FromMinutes(1), applicationServer: true, userServer: true);
            var plan = ExportPlan.For(Exports, raw, site, pools);
            var result = RunScope.Run(vault, "backup", [], watcher.Warning, run => backup.Run(run, host, plan, site, raw, TimeSpan.FromMinutes(5), keepRawDays: 3650, at: null, _ => { }));
            watcher.Stored($"Night {night.Number}", result.Stored ?? throw LcvException.Environment($"The simulated export of night {night.Number} failed: {result.Failed.First().Failure}"), listObjects: true);
            if (night.Changes.Count == 0 && night.Number > 1)
            {
                watcher.NothingChanged();
            }
        }
    }
}
