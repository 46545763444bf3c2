using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Tests.Restore;

/// <summary>A vault of seven generated nights with every export (CMS, Response Groups, LIS, users), restored.</summary>
public sealed class RestoreTests : IDisposable
{
    private const string NightThree = "2026-11-20T12:00";
    private readonly TempFolder _folder = new();

    public RestoreTests()
    {
        Assert.Equal(0, TestData.Lcv("generate", "--out", Backups, "--nights", "7").ExitCode);
        Assert.Equal(0, TestData.Lcv("init", "--vault", Vault, "--time-zone", "UTC").ExitCode);
        foreach (var night in Directory.GetDirectories(Backups).Order(StringComparer.Ordinal))
        {
            Assert.Equal(0, TestData.Lcv(["ingest", "--vault", Vault, .. Directory.GetFiles(night)]).ExitCode);
        }
    }

    private string Backups => Path.Combine(_folder.Path, "backups");

    private string Vault => Path.Combine(_folder.Path, "vault");

    private string Out => Path.Combine(_folder.Path, "restore");

    public void Dispose() => _folder.Dispose();

    private static Dictionary<string, string> Files(Tree tree, string prefix)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in tree)
        {
            if (entry.Target is Tree child)
            {
                foreach (var (path, text) in Files(child, $"{prefix}/{entry.Name}"))
                {
                    files[path] = text;
                }
            }
            else
            {
                files[$"{prefix}/{entry.Name}"] = ((Blob)entry.Target).GetContentText();
            }
        }

        return files;
    }

    [Theory]
    [InlineData("cms")]
    [InlineData("lis")]
    [InlineData("cms,lis")]
    [InlineData("topology")]
    public void Any_choice_of_parts_proves_itself_and_the_script_names_how_the_rest_comes_back(string parts)
    {
        var result = TestData.Lcv("restore", "--vault", Vault, NightThree, "--out", Out, "--part", parts);

        Assert.True(result.ExitCode == 0, result.Error);
        var script = File.ReadAllText(Path.Combine(Out, "Restore.ps1"));
        Assert.Contains("users/policy-assignments (who has which per-user policy: grant them again with Grant-CsVoicePolicy", script, StringComparison.Ordinal);
        Assert.DoesNotContain("policy-assignments (the vault keeps user data redacted", script, StringComparison.Ordinal);
        if (!parts.Contains("lis", StringComparison.Ordinal))
        {
            Assert.Contains("lis (left out with --part; lcv restore --part lis rebuilds it for Import-CsLisConfiguration)", script, StringComparison.Ordinal);
        }

        if (parts.Contains("cms", StringComparison.Ordinal))
        {
            // The CMS archive holds the topology, as Export-CsConfiguration's does: it is not "left out".
            Assert.DoesNotContain("Not restored from this folder: topology", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Night_three_restored_at_night_seven_ingests_into_a_fresh_vault_as_night_three()
    {
        var result = TestData.Lcv("restore", "--vault", Vault, NightThree, "--out", Out);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Rebuilt and checked against", result.Output);
        var fresh = Path.Combine(_folder.Path, "fresh");
        Assert.Equal(0, TestData.Lcv("init", "--vault", fresh, "--time-zone", "UTC").ExitCode);
        Assert.Equal(0, TestData.Lcv(["ingest", "--vault", fresh, .. Directory.GetFiles(Out, "*.zip")]).ExitCode);
        using var original = new Repository(Vault);
        using var restored = new Repository(fresh);
        var night3 = original.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = original.Head }).First(c => c.Author.When < DateTimeOffset.Parse("2026-11-20T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var fingerprint = new SemanticFingerprint(LyncCatalog.Default, TestData.Filter);
        foreach (var part in new[] { "cms", "topology", "rgs", "lis" })
        {
            // The same objects with the same meaning; the bytes may differ where only volatile values (positions, signatures) do.
            var before = Files((Tree)night3[part].Target, part);
            var after = Files((Tree)restored.Head.Tip[part].Target, part);
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
            Assert.All(before, f => Assert.Equal(fingerprint.Of(ObjectFile.Read(f.Value, f.Key, LyncCatalog.Default)), fingerprint.Of(ObjectFile.Read(after[f.Key], f.Key, LyncCatalog.Default))));
        }
    }

    [Fact]
    public void The_script_imports_the_store_first_then_each_pools_response_groups_then_the_locations()
    {
        Assert.Equal(0, TestData.Lcv("restore", "--vault", Vault, NightThree, "--out", Out).ExitCode);

        var script = File.ReadAllText(Path.Combine(Out, "Restore.ps1"));
        var store = script.IndexOf("Import-CsConfiguration -FileName (Join-Path $PSScriptRoot 'CsConfiguration.zip')", StringComparison.Ordinal);
        var rgs = script.IndexOf("Import-CsRgsConfiguration -Destination 'service:ApplicationServer:dubpool01.fabrikam.com'", StringComparison.Ordinal);
        var lis = script.IndexOf("Import-CsLisConfiguration -FileName (Join-Path $PSScriptRoot 'E911Config.zip')", StringComparison.Ordinal);
        Assert.True(store > 0 && rgs > store && lis > rgs, script);
        Assert.Contains("-LocalStore", script);
        Assert.Contains("Not restored from this folder: users/dubpool01.fabrikam.com", script);
        Assert.Contains("does not delete locations added since", script);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(Path.Combine(Out, "Restore.ps1"))[..3]);   // Windows PowerShell 5.1 reads UTF-8 only with a BOM
    }

    [Fact]
    public void The_preview_shows_what_the_restore_would_undo_and_writes_nothing()
    {
        var result = TestData.Lcv("restore", "--vault", Vault, NightThree, "--preview");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("What restoring 2026-11-20T12:00 would change", result.Output);
        Assert.Contains("> VoicePolicy Tag:VP-Dublin-Restricted, renamed from Tag:VP-Dublin-Restricted-R07", result.Output);
        Assert.Contains("~ LisSubnet 10.1.2.0", result.Output);
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("no-such-revision", "no-such-revision")]
    [InlineData("not-empty", "is not empty")]
    [InlineData("no-action", "Say what to do")]
    [InlineData("unknown-part", "'rgs/nopool.fabrikam.com' is not a part of the snapshot")]
    public void Bad_input_is_one_line_exit_2_and_nothing_written(string kind, string message)
    {
        Directory.CreateDirectory(Out);
        if (kind == "not-empty")
        {
            File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine");
        }

        string[] args = kind switch
        {
            "no-such-revision" => ["restore", "--vault", Vault, "no-such-revision", "--out", Out],
            "not-empty" => ["restore", "--vault", Vault, "HEAD", "--out", Out],
            "no-action" => ["restore", "--vault", Vault, "HEAD"],
            _ => ["restore", "--vault", Vault, "HEAD", "--out", Out, "--part", "rgs/nopool.fabrikam.com"],
        };
        var result = TestData.Lcv(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(kind == "not-empty" ? ["notes.txt"] : [], Directory.GetFiles(Out).Select(Path.GetFileName));
    }

    [Fact]
    public void A_part_carried_forward_in_that_snapshot_cannot_be_restored_from_it()
    {
        var night = Directory.GetDirectories(Backups).Order(StringComparer.Ordinal).ToList()[^2];   // night 6 again: a change, so a commit
        var later = Path.Combine(_folder.Path, "later");
        Directory.CreateDirectory(later);
        foreach (var file in Directory.GetFiles(night).Where(f => !Path.GetFileName(f).StartsWith("RgsConfig-lonpool01", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(later, Path.GetFileName(file)));
        }

        Assert.Equal(0, TestData.Lcv(["ingest", "--vault", Vault, "--at", "2026-11-26T02:00:00Z", .. Directory.GetFiles(later)]).ExitCode);
        var result = TestData.Lcv("restore", "--vault", Vault, "HEAD", "--out", Out);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("rgs/lonpool01.fabrikam.com cannot be restored from HEAD", result.Error);
        Assert.False(Directory.Exists(Out));
    }
}
