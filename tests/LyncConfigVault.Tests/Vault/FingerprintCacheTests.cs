namespace LyncConfigVault.Tests.Vault;

/// <summary>The fingerprint cache is trusted only for the commit and the noise rules it was computed under.</summary>
public sealed class FingerprintCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_cache_written_under_other_rules_is_recomputed_and_a_noise_only_night_stays_no_change()
    {
        var backups = _folder.File("backups");
        var vault = _folder.File("vault");
        Assert.Equal(0, TestData.Lcv("generate", "--out", backups, "--nights", "4").ExitCode);
        Assert.Equal(0, TestData.Lcv("init", "--vault", vault, "--time-zone", "UTC").ExitCode);
        var nights = Directory.GetDirectories(backups).Order(StringComparer.Ordinal).Select(n => Path.Combine(n, "CsConfiguration.zip")).ToList();
        foreach (var night in nights.Take(3))
        {
            Assert.Equal(0, TestData.Lcv("ingest", "--vault", vault, night).ExitCode);
        }

        // As an older lcv with other noise rules would have left it: the commit alone on the first line, its own fingerprints.
        var cache = Path.Combine(vault, ".git", "lcv", "fingerprints");
        var lines = File.ReadAllLines(cache);
        File.WriteAllLines(cache, lines.Take(1).Select(l => l.Split(' ')[0]).Concat(lines.Skip(1).Select(l => l.Split('\t')[0] + "\tcomputed-under-other-rules")));

        var fourth = TestData.Lcv("ingest", "--vault", vault, nights[3]);

        Assert.Equal(0, fourth.ExitCode);
        Assert.Contains("no change", fourth.Output, StringComparison.Ordinal);
    }
}
