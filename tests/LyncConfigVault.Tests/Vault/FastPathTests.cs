using LibGit2Sharp;
using LyncConfigVault.Catalog;
using LyncConfigVault.Diff;
using LyncConfigVault.Model;
using LyncConfigVault.Report;
using LyncConfigVault.Vault;
using static LyncConfigVault.Tests.Diff.DiffTestData;

namespace LyncConfigVault.Tests.Vault;

/// <summary>
/// The edges of the paths that skip work at 20,000 objects (issue 18): a stored meaning that equals the new one keeps
/// its file whatever volatile values moved; a route list is read whole only when one of its files changed, and then
/// a move beside an addition is still one move and one addition, in the commit and in the vault diff alike.
/// </summary>
public sealed class FastPathTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_signature_alone_keeps_the_stored_file_and_makes_no_commit()
    {
        using var folder = new TempFolder();
        using var vault = VaultRepository.Init(folder.File("vault"), "Test", LyncCatalog.Default, TimeProvider.System);
        var first = Night(1);
        var policy = first.Objects.Values.First(o => o.Noun == "VoicePolicy").Path;
        Store(vault, first, Monday);
        var blob = vault.Head[policy].Target.Sha;
        var resigned = Edit(first, policy, c => ((YMap)((YMap)c["Export"]!)["Value"]!).Set("Signature", new YScalar("00000000-0000-0000-0000-000000000001")));

        var second = Store(vault, resigned, Monday.AddDays(1));

        Assert.Null(second.Commit);
        Assert.Equal(blob, vault.Head[policy].Target.Sha);
    }

    [Fact]
    public void A_route_moved_while_another_was_added_is_one_move_and_one_addition_in_the_commit_and_in_the_vault_diff()
    {
        using var folder = new TempFolder();
        using var vault = VaultRepository.Init(folder.File("vault"), "Test", LyncConfigVault.Catalog.LyncCatalog.Default, TimeProvider.System);
        var first = Night(1);
        Store(vault, first, Monday);
        var routes = first.Objects.Values.Where(o => o.Noun == "VoiceRoute").OrderBy(o => int.Parse(o.Content.Text("Priority")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var moved = Edit(Edit(first, routes[3].Path, c => c.Set("Priority", new YScalar("2"))), routes[2].Path, c => c.Set("Priority", new YScalar("3")));
        var last = routes[^1];
        var added = (YMap)last.Content.DeepCopy();
        added.Set("Identity", new YScalar("Zz-Added"));
        added.Set("Priority", new YScalar((routes.Count + 5).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Setting(added, "Route").Set("Name", new YScalar("Zz-Added"));
        var objects = moved.Objects.ToDictionary(StringComparer.Ordinal);
        objects["cms/voice/VoiceRoute/Zz-Added.yaml"] = last with { Identity = LyncIdentity.Named("Zz-Added"), Path = "cms/voice/VoiceRoute/Zz-Added.yaml", Content = added };

        var stored = Store(vault, moved with { Objects = objects }, Monday.AddDays(1));
        var head = vault.Git.Lookup<Commit>(stored.Commit);
        var diff = new SnapshotDiffer(LyncCatalog.Default, TestData.Filter).Compare(new GitObjectSource(vault.Git, head.Parents.Single(), "before"), new GitObjectSource(vault.Git, head, "after"));

        var expected = new[] { "added VoiceRoute Zz-Added", $"moved VoiceRoute {routes[3].Identity}" }.Order(StringComparer.Ordinal);
        Assert.Equal(expected, stored.Changes.Select(c => $"{(c.Kind != "added" && c.Details.Any(d => d.StartsWith("Priority", StringComparison.Ordinal)) ? "moved" : c.Kind)} {c.DisplayName}").Order(StringComparer.Ordinal));
        Assert.Equal(expected, diff.Changes.Select(c => $"{(c.Kind == ObjectChangeKind.Added ? "added" : c.Properties.Any(p => p.Kind == PropertyChangeKind.Moved) ? "moved" : c.Kind.ToString())} {c.DisplayName}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_first_snapshot_written_as_one_pack_is_a_repository_git_itself_finds_whole_and_unedited()
    {
        using var folder = new TempFolder();
        var root = folder.File("vault");
        using var vault = VaultRepository.Init(root, "Test", LyncCatalog.Default, TimeProvider.System);
        var first = Grown(600);

        Store(vault, first, Monday);

        Assert.True(first.Objects.Count >= BlobPack.Threshold, "enough objects and envelopes for one pack");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(root, ".git", "objects", "pack"), "pack-*.pack"));
        GitDaemon.Git(root, "fsck", "--full", "--strict", "--no-dangling");
        Assert.Equal("", GitDaemon.Git(root, "status", "--porcelain"));
        Assert.All(first.Objects.Keys, path => Assert.Equal(GitDaemon.Git(root, "show", $"HEAD:{path}"), File.ReadAllText(Path.Combine(root, path))));
    }

    [Fact]
    public void A_night_that_removes_the_only_object_of_a_folder_takes_the_file_and_the_folder_away()
    {
        using var folder = new TempFolder();
        var root = folder.File("vault");
        using var vault = VaultRepository.Init(root, "Test", LyncCatalog.Default, TimeProvider.System);
        var first = Grown(600);
        Store(vault, first, Monday);
        var alone = first.Objects.Keys.GroupBy(p => p[..p.LastIndexOf('/')], StringComparer.Ordinal).First(g => g.Count() == 1 && g.Key.Contains('/', StringComparison.Ordinal)).Single();
        var objects = first.Objects.ToDictionary(StringComparer.Ordinal);
        objects.Remove(alone);

        var second = Store(vault, first with { Objects = objects }, Monday.AddDays(1));

        Assert.NotNull(second.Commit);
        Assert.False(File.Exists(Path.Combine(root, alone)));
        Assert.False(Directory.Exists(Path.Combine(root, Path.GetDirectoryName(alone)!)));
        Assert.Equal("", GitDaemon.Git(root, "status", "--porcelain"));
        Assert.Equal("", GitDaemon.Git(root, "ls-files", "--", alone));
    }

    // The first night of a deployment grown to about this many objects, normalized as an ingest does.
    private static Snapshot Grown(int objects)
    {
        var night = LyncConfigVault.Simulation.SyntheticNights.Generate(1, 1, objects).Single();
        var result = new LyncConfigVault.Normalize.ExportNormalizer(LyncCatalog.Default, TestData.Filter, LyncConfigVault.Simulation.SyntheticNights.ServerZone)
            .Normalize(LyncConfigVault.Formats.ExportArchive.FromBytes("CsConfiguration.zip", night.CmsArchive, LyncConfigVault.Formats.ArchiveLimits.Default), night.ExportTime);
        return new Snapshot(result.Objects.ToDictionary(o => o.Path, StringComparer.Ordinal), [result.Record], result.Parts);
    }

    private static StoreResult Store(VaultRepository vault, Snapshot snapshot, DateTimeOffset when) =>
        new SnapshotStore(vault, LyncCatalog.Default, TestData.Filter, new CommitDescriber(LyncCatalog.Default, TestData.Filter)).Store(snapshot, when);
}
