using LyncConfigVault.Collect;
using LyncConfigVault.Simulation;
using LyncConfigVault.Tests.Diff;

namespace LyncConfigVault.Tests.Collect;

public sealed class CollectorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<string> Hosts => ["in-process", "pwsh"];

    public void Dispose() => _folder.Dispose();

    private PowerShellHost Host(string kind, params SimulatedFault[] faults)
    {
        var server = SimulatedLyncServer.Create(_folder.File("server"), DiffTestData.Nights[0].CmsArchive, faults);
        PowerShellHost host = kind == "pwsh"
            ? new PwshHost(PwshLocator.Find() ?? throw new InvalidOperationException("pwsh is not installed: run .ci/run once (dotnet tool install PowerShell --tool-path .tools)."), server.ModulePath)
            : new InProcessHost(server.ModulePath);
        var initialized = host.Invoke("Initialize-SimulatedLync", new Dictionary<string, object> { ["Path"] = server.Folder }, TimeSpan.FromMinutes(1));
        Assert.True(initialized.Succeeded, initialized.Failure);
        return host;
    }

    private ExportOutcome Export(PowerShellHost host, TimeSpan? timeout = null) =>
        Assert.Single(new Collector(host, timeout ?? TimeSpan.FromMinutes(1), _ => { }, TestData.AdminEditTime).Run([ExportTask.Cms(_folder.Path)]));

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Get_CsService_lists_the_application_servers_of_the_simulated_deployment(string kind)
    {
        using var host = Host(kind);

        var result = host.Invoke("Get-CsService", new Dictionary<string, object> { ["ApplicationServer"] = true }, TimeSpan.FromMinutes(1));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(
            ["amspool01.fabrikam.com", "dubpool01.fabrikam.com", "lonpool01.fabrikam.com", "nycpool01.fabrikam.com", "rtmpool01.fabrikam.com"],
            result.Objects.Select(o => o["PoolFqdn"]));
        Assert.All(result.Objects, o => Assert.StartsWith("ApplicationServer:", o["Identity"]));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Export_CsConfiguration_writes_the_deployments_archive(string kind)
    {
        using var host = Host(kind);

        var outcome = Export(host);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(DiffTestData.Nights[0].CmsArchive, File.ReadAllBytes(outcome.Task.FileName));
        Assert.Contains(outcome.Log, l => l.Contains("writing", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_published_topology_comes_back_as_xml_the_vault_reads(string kind)
    {
        using var host = Host(kind);

        var outcome = Assert.Single(new Collector(host, TimeSpan.FromMinutes(1), _ => { }, TestData.AdminEditTime).Run([ExportTask.Topology(_folder.Path)]));

        Assert.True(outcome.Succeeded, outcome.Failure);
        var normalized = new LyncConfigVault.Normalize.ExportNormalizer(LyncConfigVault.Catalog.LyncCatalog.Default, TestData.Filter, LyncConfigVault.Simulation.SyntheticNights.ServerZone)
            .Normalize(LyncConfigVault.Formats.ExportArchive.Open(outcome.Task.FileName, LyncConfigVault.Formats.ArchiveLimits.Default), DateTimeOffset.UnixEpoch);
        Assert.Equal(LyncConfigVault.Model.ExportKind.Topology, normalized.Record.Kind);
        Assert.Contains(normalized.Objects, o => o.DisplayName == "Pool dubpool01.fabrikam.com");
        Assert.Contains(normalized.Objects, o => o.DisplayName == "Service ApplicationServer:rtmpool01.fabrikam.com");
    }

    [Fact]
    public void A_powershell_that_is_not_there_is_an_environment_failure_naming_it()
    {
        using var host = new PwshHost(_folder.File("no-pwsh-here"), _folder.File("module.psm1"));

        var error = Assert.Throws<LyncConfigVault.Model.LcvException>(() => host.Invoke("Get-CsPool", new Dictionary<string, object>(), TimeSpan.FromSeconds(10)));

        Assert.Equal(3, error.ExitCode);
        Assert.StartsWith($"PowerShell could not be started ({_folder.File("no-pwsh-here")}: ", error.Message);
    }

    [Fact]
    public void An_archive_returned_as_bytes_as_a_remote_session_needs_is_written_by_lcv()
    {
        using var host = Host("in-process");

        var outcome = Assert.Single(new Collector(host, TimeSpan.FromMinutes(1), _ => { }, TestData.AdminEditTime).Run([ExportTask.Cms(_folder.Path, asBytes: true)]));

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(DiffTestData.Nights[0].CmsArchive, File.ReadAllBytes(outcome.Task.FileName));
    }

    [Theory]
    [InlineData("in-process", "access-denied", "is not a member of RTCUniversalServerAdmins")]
    [InlineData("pwsh", "access-denied", "is not a member of RTCUniversalServerAdmins")]
    [InlineData("in-process", "unreachable", "does not answer")]
    [InlineData("pwsh", "unreachable", "does not answer")]
    [InlineData("in-process", "no-file", "no file was written")]
    [InlineData("pwsh", "no-file", "no file was written")]
    [InlineData("in-process", "truncated", "wrote a damaged file")]
    [InlineData("pwsh", "truncated", "wrote a damaged file")]
    public void A_failing_export_is_recorded_in_the_cmdlets_own_words(string kind, string fault, string words)
    {
        using var host = Host(kind, new SimulatedFault("Export-CsConfiguration", "*", fault));

        var outcome = Export(host);

        Assert.False(outcome.Succeeded);
        Assert.Contains(words, outcome.Failure);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_hanging_export_is_stopped_at_its_time_limit_and_the_host_still_works(string kind)
    {
        using var host = Host(kind, new SimulatedFault("Export-CsConfiguration", "*", "hang"));

        var outcome = Export(host, TimeSpan.FromSeconds(3));
        var after = host.Invoke(kind == "pwsh" ? "Initialize-SimulatedLync" : "Get-CsPool", kind == "pwsh" ? new Dictionary<string, object> { ["Path"] = _folder.File("server") } : new Dictionary<string, object>(), TimeSpan.FromMinutes(1));

        Assert.Equal("did not finish within 3 s and was stopped", outcome.Failure);
        Assert.True(outcome.Duration >= TimeSpan.FromSeconds(3), $"stopped after {outcome.Duration}, before its time limit");
        Assert.True(after.Succeeded, after.Failure);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_hostile_file_name_reaches_the_cmdlet_as_one_typed_value(string kind)
    {
        using var host = Host(kind);
        var name = _folder.File("Lis'; Remove-Item -Recurse x ;'$(x) & \"q\" `n.zip");

        var result = host.Invoke("Export-CsConfiguration", new Dictionary<string, object> { ["FileName"] = name }, TimeSpan.FromMinutes(1));

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(File.Exists(name));
    }
}
