using System.Globalization;
using System.Text.RegularExpressions;
using LibGit2Sharp;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>
/// Turns what an admin types into a snapshot of the vault: a commit id (full or short), HEAD, HEAD~N,
/// a tag (baseline/approved, or just approved for a baseline), or a date or time (the snapshot
/// valid then: the last one taken at or before it, local time unless an offset is given).
/// </summary>
internal sealed partial class RevisionResolver(VaultRepository vault)
{
    public const string BaselinePrefix = "baseline/";

    public Commit Resolve(string text)
    {
        if (text.Length == 0)
        {
            throw Unknown(text);
        }

        if (DateLike().IsMatch(text))
        {
            return AtTime(text);
        }

        var commit = Lookup(text) ?? Lookup(BaselinePrefix + text) ?? throw Unknown(text);
        if (!VaultLayout.HasSnapshot(commit.Tree))
        {
            throw new LcvException($"'{text}' ({commit.Sha[..7]}) is where the vault was created, before its first snapshot; there is nothing to compare there.");
        }

        return commit;
    }

    /// <summary>
    /// The commits holding a snapshot, from <paramref name="start"/> back to the first, newest first
    /// (first-parent history). A commit that changed only the vault's settings (git-setup) is listed
    /// too, holding the same objects as the one before it; <see cref="Previous"/> looks past it.
    /// </summary>
    public static IEnumerable<Commit> Snapshots(Commit start)
    {
        for (var commit = start; commit is not null; commit = commit.Parents.FirstOrDefault())
        {
            if (VaultLayout.HasSnapshot(commit.Tree))
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
        var when = AdminDate.Parse(text);
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
            ? new LcvException("The vault holds no snapshot yet: run lcv ingest or lcv backup first.")
            : new LcvException($"'{text}' is before the first snapshot of this vault ({Format(first.Author.When)}).");
    }

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static LcvException Unknown(string text) =>
        new($"'{text}' is not a snapshot of this vault: give a commit id, HEAD~N, a tag such as baseline/approved, or a date such as 2026-11-24.");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ].*)?$")]
    private static partial Regex DateLike();
}
