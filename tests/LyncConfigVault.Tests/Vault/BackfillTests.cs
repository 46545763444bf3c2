namespace LyncConfigVault.Tests.Vault;

public sealed class BackfillTests
{
    [Fact]
    public void Backups_named_on_the_12_hour_clock_are_stored_in_the_order_they_were_exported()
    {
        // 10:00 and 13:00 the same day: the folders are SfBBackup-…-10-… and SfBBackup-…-01-…, so by name 13:00 sorts first.
        using var fixture = new VaultFixture(seed: 5, nights: 3, start: "2026-11-20T10:00:00Z", interval: TimeSpan.FromHours(3));
        Assert.Contains(Directory.GetDirectories(fixture.Backups), d => Path.GetFileName(d).StartsWith("SfBBackup-2026-11-20-01-", StringComparison.Ordinal));

        var result = TestData.Lcv("backfill", "--vault", fixture.Vault, fixture.Backups);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Backfill: 3 of 3 backups stored", result.Output);
        var dates = fixture.Commits().Where(c => !c.MessageShort.StartsWith("lcv:", StringComparison.Ordinal)).Select(c => c.When.UtcDateTime).Reverse().ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(fixture.Nights[0].ExportTime.UtcDateTime, dates[0], TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void A_second_backfill_of_the_same_folder_skips_what_is_stored_already()
    {
        using var fixture = new VaultFixture(nights: 3);
        TestData.Lcv("backfill", "--vault", fixture.Vault, fixture.Backups);
        var head = fixture.Head();

        var result = TestData.Lcv("backfill", "--vault", fixture.Vault, fixture.Backups);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 skipped", result.Output);
        Assert.Equal(head, fixture.Head());
    }

    [Fact]
    public void A_damaged_backup_in_the_middle_is_reported_and_the_rest_are_stored()
    {
        using var fixture = new VaultFixture(nights: 3);
        File.WriteAllBytes(fixture.Files[1], File.ReadAllBytes(fixture.Files[1])[..100]);

        var result = TestData.Lcv("backfill", "--vault", fixture.Vault, fixture.Backups);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not stored:", result.Output);
        Assert.Contains("Backfill: 2 of 3 backups stored, 0 skipped, 1 not readable.", result.Output);
    }
}
