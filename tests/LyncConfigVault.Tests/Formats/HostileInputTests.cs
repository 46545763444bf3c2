using LyncConfigVault.Formats;
using LyncConfigVault.Model;
using LyncConfigVault.Simulation;

namespace LyncConfigVault.Tests.Formats;

public sealed class HostileInputTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "truncated", "truncated or damaged ZIP" },
        { "not-a-zip", "neither a ZIP archive nor an XML document" },
        { "empty-archive", "empty ZIP archive" },
        { "zip-slip", "leaves the archive" },
        { "zip-bomb", "zip bomb" },
        { "dtd-external-entity", "contains a DTD" },
        { "billion-laughs", "contains a DTD" },
        { "malformed-xml", "not well-formed XML" },
        { "wrong-encoding", "encoding" },
        { "rgs-without-pool", "Response Group export that names no pool" },
        { "rgs-missing-ref", "<Ref RefId=\"7\"> to an object that does not exist" },
        { "rgs-ref-cycle", "reference cycle" },
        { "rgs-dtd", "contains a DTD" },
        { "rgs-audio-dot-dot", "leaves the archive" },
        { "no-docitemset", "without DocItemSet.xml" },
        { "count-mismatch", "says Count=3" },
        { "duplicate-item-keys", "twice (duplicate Item keys)" },
        { "deep-nesting", "nests elements more than 64 deep, which no Lync export does (at DocItemSet/DocItem/" },
        { "long-element-name", "has an element whose name is 3,000 characters long (at most 256)" },
        { "many-attributes", "has an element with 2,000 attributes (at most 512)" },
        { "huge-value", "whose name or value is longer than any Lync setting's" },
        { "crc-mismatch", "entry 'DocItemSet.xml' is damaged: its bytes do not match the CRC-32 the archive records for them" },
        { "many-entries", "holds 5,000 entries, more than the 4,096 any Lync export has" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_or_damaged_export_is_refused_in_one_line_and_leaves_the_vault_as_it_was(string name, string problem)
    {
        using var fixture = new VaultFixture(nights: 1);
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        var head = fixture.Head();
        var files = fixture.WorkingTree();
        var path = fixture.Write($"{name}.zip", HostileExports.All[name]());

        var result = TestData.Lcv("ingest", "--vault", fixture.Vault, path);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lcv: ", line);
        Assert.Contains($"{name}.zip", line);
        Assert.Contains(problem, line);
        Assert.Equal(head, fixture.Head());
        Assert.Equal(files, fixture.WorkingTree());
        Assert.False(fixture.Locked);
    }

    [Fact]
    public void A_device_that_never_ends_is_refused_in_one_line_not_read_for_ever()
    {
        using var fixture = new VaultFixture(nights: 1);

        var result = TestData.Lcv("ingest", "--vault", fixture.Vault, "/dev/zero");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("lcv: /dev/zero: goes on past its own size: it is not a regular file (a device?) or it is still being written. lcv reads finished export files only.\n", result.Error);
        Assert.False(fixture.Locked);
    }

    [Fact]
    public void A_pipe_that_nobody_writes_is_refused_after_the_open_time_limit()
    {
        using var folder = new TempFolder();
        var pipe = folder.File("CsConfiguration.zip");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
        }

        var error = Assert.Throws<LcvException>(() => ExportArchive.Open(pipe, ArchiveLimits.Default with { OpenTimeout = TimeSpan.FromSeconds(1) }));

        Assert.Equal($"{pipe}: did not open within 1 s: it is not a regular file (a pipe?), or its share does not answer. lcv reads export files only.", error.Message);
        using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);   // lets the waiting open finish, so nothing is left behind
    }

    [Fact]
    public void An_archive_with_more_entries_than_any_export_is_refused()
    {
        var entries = Enumerable.Range(0, 11).Select(i => ($"e{i}.xml", new byte[] { (byte)'<', (byte)'a', (byte)'/', (byte)'>' })).ToArray();

        var error = Assert.Throws<LcvException>(() => ExportArchive.FromBytes("many.zip", HostileExports.Zip(entries), ArchiveLimits.Default with { MaxEntries = 10 }));

        Assert.Equal("many.zip: holds 11 entries, more than the 10 any Lync export has: refused as a possible zip bomb.", error.Message);
    }

    [Fact]
    public void An_archive_that_unpacks_beyond_the_total_limit_is_refused()
    {
        var entries = Enumerable.Range(0, 3).Select(i => ($"e{i}.xml", new byte[400])).ToArray();

        var error = Assert.Throws<LcvException>(() => ExportArchive.FromBytes("big.zip", HostileExports.Zip(entries), ArchiveLimits.Default with { MaxTotalBytes = 1000 }));

        Assert.Contains("unpacks to more than 1,000 bytes", error.Message);
    }

    [Fact]
    public void A_vault_path_that_is_not_a_vault_is_named()
    {
        using var folder = new TempFolder();

        var result = TestData.Lcv("ingest", "--vault", folder.Path, HostileExports.All.Keys.First());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"lcv: {folder.Path} is not a LyncConfigVault vault (no .lcv/config.yaml and .git). Run 'lcv init --vault {folder.Path}' first.\n", result.Error);
    }

    [Fact]
    public void A_working_tree_edited_by_hand_is_refused_with_what_to_do()
    {
        using var fixture = new VaultFixture(nights: 2);
        var (policy, head) = EditedByHand(fixture);

        var result = fixture.Ingest(2);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has files edited by hand (cms/voice/VoicePolicy/Global.yaml)", result.Error);
        Assert.Contains("reset --hard", result.Error);
        NothingMoved(fixture, policy, head);
    }

    [Fact]
    public void Hand_edits_are_named_before_a_damaged_export_and_before_a_night_that_changes_nothing()
    {
        // The check for hand edits runs while the exports are read: what it finds must still be what the admin hears,
        // whatever the exports turn out to be, and nothing may be stored or recorded as a run that stored.
        using var fixture = new VaultFixture(nights: 2);
        var (policy, head) = EditedByHand(fixture);
        var damaged = Path.Combine(Path.GetDirectoryName(fixture.Vault)!, "damaged.zip");
        File.WriteAllBytes(damaged, File.ReadAllBytes(fixture.Files[1])[..100]);

        var withDamaged = fixture.Lcv("ingest", damaged);
        var sameNight = fixture.Ingest(1);

        Assert.All([withDamaged, sameNight], result =>
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("has files edited by hand (cms/voice/VoicePolicy/Global.yaml)", result.Error);
            Assert.DoesNotContain("damaged.zip", result.Error);
        });
        NothingMoved(fixture, policy, head);
        var runs = File.ReadAllLines(Path.Combine(fixture.Vault, ".git", "lcv", "runs.jsonl"));
        Assert.All(runs[^2..], line => Assert.Contains("\"result\":\"failed\"", line));
    }

    // Night 1 stored, then its Global voice policy edited in the working tree: the file, and the commit lcv must not move.
    private static (string Policy, string Head) EditedByHand(VaultFixture fixture)
    {
        Assert.Equal(0, fixture.Ingest(1).ExitCode);
        var policy = Path.Combine(fixture.Vault, "cms", "voice", "VoicePolicy", "Global.yaml");
        File.AppendAllText(policy, "# tweaked by hand\n");
        return (policy, fixture.Head());
    }

    // The commit where it was, the edit kept, the lock given back.
    private static void NothingMoved(VaultFixture fixture, string policy, string head)
    {
        Assert.Equal(head, fixture.Head());
        Assert.EndsWith("# tweaked by hand\n", File.ReadAllText(policy));
        Assert.False(fixture.Locked);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var fixture = new VaultFixture(nights: 1);

        var result = TestData.Lcv("ingest", "--vault", fixture.Vault, "/nowhere/CsConfiguration.zip");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("lcv: /nowhere/CsConfiguration.zip: does not exist.\n", result.Error);
    }
}
