using System.Globalization;
using System.Text.RegularExpressions;
using LibGit2Sharp;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// Turns what an admin types into a snapshot of the vault: a commit id (full or short), HEAD, HEAD~N,
/// a tag (baseline/approved, or just approved for a baseline), or a date or time (the snapshot
/// valid then: the last one taken at or before it, in the vault's time zone unless an offset is given).
/// Nothing typed (null) is the latest snapshot, whatever settings commits came after it.
/// </summary>
internal sealed partial class RevisionResolver(VaultRepository vault)
{
    public const string BaselinePrefix = "baseline/";

    /// <summary>The latest snapshot, or the one <paramref name="text"/> names; a settings commit named is refused with the snapshot it carries.</summary>
    public Commit Resolve(string? text)
    {
        if (text is null)
        {
            return Latest();
        }

        if (text.Length == 0)
        {
            throw Unknown(text);
        }

        if (DateLike().IsMatch(text))
        {
            return AtTime(text);
        }

        var commit = Lookup(text) ?? Lookup(BaselinePrefix + text) ?? throw Unknown(text);
        if (!CommitMessage.IsSnapshot(commit))
        {
            throw Snapshots(commit).FirstOrDefault() is { } carried
                ? new LcvException($"'{text}' ({commit.Sha[..7]}) is a settings commit ({commit.MessageShort}), not a snapshot; the snapshot it carries is {carried.Sha[..7]} of {Format(carried.Author.When)}.")
                : new LcvException($"'{text}' ({commit.Sha[..7]}) is where the vault was created, before its first snapshot; there is nothing to compare there.");
        }

        return commit;
    }

    /// <summary>The newest snapshot: HEAD unless settings were committed since.</summary>
    public Commit Latest() => Latest(vault.Head) ?? throw NoSnapshot();

    /// <summary>The newest snapshot at or before <paramref name="start"/>, or null when the vault holds none yet.</summary>
    public static Commit? Latest(Commit start) => Snapshots(start).FirstOrDefault();

    /// <summary>What a side the admin did not name is called in reports: HEAD when the latest snapshot is HEAD.</summary>
    public string Label(string? text, Commit resolved) => text ?? (resolved.Id == vault.Head.Id ? "HEAD" : "latest snapshot");

    /// <summary>
    /// The snapshot commits from <paramref name="start"/> back to the first, newest first (first-parent
    /// history). Settings commits (lcv notify add, git-setup, an admin's edit of .lcv/config.yaml) are
    /// left out: they carry the snapshot before them, and their date is not when Lync was exported.
    /// </summary>
    public static IEnumerable<Commit> Snapshots(Commit start)
    {
        for (var commit = start; commit is not null; commit = commit.Parents.FirstOrDefault())
        {
            if (CommitMessage.IsSnapshot(commit))
            {
                yield return commit;
            }
        }
    }

    /// <summary>The snapshot before the given one, holding other objects, or null when it is the first.</summary>
    public Commit? Previous(Commit commit)
    {
        var key = SnapshotKey(commit);
        return Snapshots(commit).Skip(1).FirstOrDefault(c => SnapshotKey(c) != key);
    }

    // The ids of the export parts' trees: equal exactly when two commits hold the same objects.
    private static string SnapshotKey(Commit commit)
    {
        var tree = commit.Tree;
        return string.Join(',', VaultLayout.Parts.Select(p => tree[p]?.Target.Sha));
    }

    private Commit? Lookup(string text)
    {
        try
        {
            return vault.Git.Lookup(text) switch
            {
                Commit commit => commit,
                TagAnnotation tag => tag.Target.Peel<Commit>(),
                _ => null,
            };
        }
        catch (LibGit2SharpException)
        {
            return null;   // an ambiguous or malformed name is just not a revision
        }
    }

    private Commit AtTime(string text)
    {
        var when = AdminDate.Parse(text, vault.TimeZone);
        Commit? first = null;
        foreach (var snapshot in Snapshots(vault.Head))
        {
            if (snapshot.Author.When <= when)
            {
                return snapshot;
            }

            first = snapshot;
        }

        throw first is null
            ? NoSnapshot()
            : new LcvException($"'{text}' is before the first snapshot of this vault ({Format(first.Author.When)}).");
    }

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static LcvException NoSnapshot() => new("The vault holds no snapshot yet: run lcv ingest or lcv backup first.");

    private static LcvException Unknown(string text) =>
        new($"'{text}' is not a snapshot of this vault: give a commit id, HEAD~N, a tag such as baseline/approved, or a date such as 2026-11-24.");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ].*)?$")]
    private static partial Regex DateLike();
}
