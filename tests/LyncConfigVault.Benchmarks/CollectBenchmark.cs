using LyncConfigVault.Catalog;
using LyncConfigVault.Collect;
using LyncConfigVault.Runs;
using LyncConfigVault.Simulation;
using LyncConfigVault.Vault;
using static LyncConfigVault.Benchmarks.Measure;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// Collection (issue 6): time to the first export with each PowerShell host, and a whole backup of the
/// demo deployment (collect + store the first snapshot), against a bare pwsh start as the anchor.
/// </summary>
internal static class CollectBenchmark
{
    public static void Run(int runs, string work)
    {
        Console.WriteLine("== collect: the demo deployment through the simulated Lync module");
        var pwsh = PwshLocator.Find();
        var archive = SyntheticNights.Generate(1, 1).Single().CmsArchive;
        var server = SimulatedLyncServer.Create(Path.Combine(work, "server"), archive, []);
        var cold = Time(() => FirstExport(() => new InProcessHost(server.ModulePath), server, work));   // the engine's first runspace in this process
        var anchor = pwsh is null ? TimeSpan.FromSeconds(1) : Median(runs, () => Shell(work, $"\"{pwsh}\" -NoLogo -NoProfile -NonInteractive -Command exit"));
        Figure(pwsh is null ? "anchor: (no pwsh found: 1 s)" : "anchor: a bare pwsh start (-Command exit)", anchor, anchor);
        Figure("in-process, the process's first runspace: first export", cold, anchor);
        Figure("in-process, later runspaces: first export", Median(runs, () => FirstExport(() => new InProcessHost(server.ModulePath), server, work)), anchor);
        if (pwsh is not null)
        {
            Figure("pwsh: process, module, first export", Median(runs, () => FirstExport(() => new PwshHost(pwsh, server.ModulePath), server, work)), anchor);
        }

        var backups = 0;
        Figure("lcv backup --simulate --host in-process (new vault, 198 objects)", Median(runs, () =>
        {
            var vault = Path.Combine(work, $"vault{++backups}");
            VaultRepository.Init(vault, "Bench", LyncCatalog.Default, TimeProvider.System).Dispose();
            using var repository = VaultRepository.Open(vault, TimeProvider.System);
            using var host = new InProcessHost(server.ModulePath);
            host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1));
            var raw = BackupRun.NewRawFolder(vault + ".raw", DateTimeOffset.Now);
            var site = new CollectionSite(server.Version, "simulated", Remote: false, Share: null);
            RunScope.Run(repository, "backup", [], _ => { }, run => new BackupRun(LyncCatalog.Default, null).Run(run, host, [new PlannedExport("cms", "*", ExportTask.Cms(raw), "Export-CsConfiguration")], site, raw, TimeSpan.FromMinutes(5), 30, null, _ => { }));
        }), anchor);
    }

    private static void FirstExport(Func<PowerShellHost> create, SimulatedLyncServer server, string work)
    {
        using var host = create();
        host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1));
        var outcome = new Collector(host, TimeSpan.FromMinutes(1), _ => { }, DateTimeOffset.Now).Run([ExportTask.Cms(work)]).Single();
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(outcome.Failure);
        }
    }
}
