using LibGit2Sharp;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests;

internal sealed record CommitInfo(string Sha, string MessageShort, string Message, DateTimeOffset When);

/// <summary>A real vault on disk with generated nights ready to ingest; deleted after the test.</summary>
internal sealed class VaultFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public VaultFixture(int seed = 1, int nights = 7, string? start = null, TimeSpan? interval = null)
    {
        Nights = SyntheticNights.Generate(seed, nights, start: start is null ? null : DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), interval: interval).ToList();
        Files = SyntheticNights.WriteBackupFolders(Backups, Nights);
        var init = TestData.Lcv("init", "--vault", Vault, "--deployment", "Fabrikam", "--time-zone", "UTC");
        Assert.Equal(0, init.ExitCode);
    }

    public string Vault => Path.Combine(_folder.Path, "vault");

    public string Backups => Path.Combine(_folder.Path, "backups");

    public List<SyntheticNight> Nights { get; }

    public List<string> Files { get; }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>What lcv reads as now; the system clock unless a test sets a FakeTimeProvider.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public CliResult Ingest(int night) => TestData.LcvAt(Clock, "ingest", "--vault", Vault, Files[night - 1]);

    /// <summary>Ingests every night in order, as the nightly job would have.</summary>
    public VaultFixture IngestAll()
    {
        for (var night = 1; night <= Nights.Count; night++)
        {
            Assert.Equal(0, Ingest(night).ExitCode);
        }

        return this;
    }

    /// <summary>Runs lcv with --vault pointing at this vault.</summary>
    public CliResult Lcv(params string[] args) => TestData.LcvAt(Clock, [.. args, "--vault", Vault]);

    public string Head()
    {
        using var repo = new Repository(Vault);
        return repo.Head.Tip.Sha;
    }

    /// <summary>The vault's commits, newest first, read while the repository is open.</summary>
    public List<CommitInfo> Commits()
    {
        using var repo = new Repository(Vault);
        return repo.Commits.QueryBy(new CommitFilter { SortBy = CommitSortStrategies.Topological })
            .Select(c => new CommitInfo(c.Sha, c.MessageShort, c.Message, c.Author.When))
            .ToList();
    }

    /// <summary>Every file of the working tree with its content hash: "the vault exactly as it was".</summary>
    public Dictionary<string, string> WorkingTree() =>
        Directory.EnumerateFiles(Vault, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Vault, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>Adds lines to .lcv/config.yaml and commits them, as an admin edits the vault's settings.</summary>
    public void AddSettings(string yaml)
    {
        File.AppendAllText(Path.Combine(Vault, ".lcv", "config.yaml"), yaml);
        using var repo = new Repository(Vault);
        Commands.Stage(repo, ".lcv/config.yaml");
        var who = new Signature("admin", "admin@example.invalid", TestData.AdminEditTime);
        repo.Commit("settings", who, who);
    }

    /// <summary>Replaces the custom noise rules of .lcv/filters.yaml and commits the file, as an admin does by hand.</summary>
    public void SetCustomFilters(string rules)
    {
        var path = Path.Combine(Vault, ".lcv", "filters.yaml");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..text.IndexOf("custom:", StringComparison.Ordinal)] + "custom:\n" + rules);
        using var repo = new Repository(Vault);
        Commands.Stage(repo, ".lcv/filters.yaml");
        var who = new Signature("admin", "admin@example.invalid", TestData.AdminEditTime);
        repo.Commit("filters", who, who);
    }

    public bool Locked => LyncConfigVault.Vault.RunLock.Current(Path.Combine(Vault, ".git", "lcv")) is not null;

    public void Dispose() => _folder.Dispose();
}
