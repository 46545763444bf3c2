using LibGit2Sharp;
using LyncConfigVault.Model;

namespace LyncConfigVault.Vault;

/// <summary>Sets, lists and removes the vault's baselines (annotated tags under baseline/).</summary>
internal sealed class Baselines(VaultRepository vault)
{
    public IReadOnlyList<Baseline> All() =>
        vault.Git.Tags
            .Where(t => t.FriendlyName.StartsWith(RevisionResolver.BaselinePrefix, StringComparison.Ordinal))
            .Select(Read)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Sets (or moves) baseline/NAME to a snapshot; returns the commit it was on before, if any.</summary>
    public string? Set(string name, Commit snapshot, string? message)
    {
        CheckName(name);
        var tagName = RevisionResolver.BaselinePrefix + name;
        var previous = vault.Git.Tags[tagName]?.PeeledTarget.Sha;
        var who = new Signature(Environment.UserName, $"{Environment.UserName}@{Environment.MachineName.ToLowerInvariant()}", vault.Now);
        var text = message ?? $"Baseline {name}: the reviewed configuration of {snapshot.Author.When:yyyy-MM-dd HH:mm}";
        vault.Git.Tags.Add(tagName, snapshot, who, text + "\n", allowOverwrite: true);
        return previous == snapshot.Sha ? null : previous;
    }

    public void Remove(string name)
    {
        var tagName = RevisionResolver.BaselinePrefix + name;
        if (vault.Git.Tags[tagName] is null)
        {
            throw new LcvException($"There is no baseline '{name}'; lcv baseline list shows the ones there are.");
        }

        vault.Git.Tags.Remove(tagName);
    }

    private static Baseline Read(Tag tag)
    {
        var commit = tag.PeeledTarget as Commit ?? throw new LcvException($"The tag {tag.FriendlyName} does not point at a snapshot.");
        var annotation = tag.Annotation;
        return new Baseline(
            tag.FriendlyName[RevisionResolver.BaselinePrefix.Length..],
            commit.Sha,
            commit.Author.When,
            annotation?.Message.Trim() ?? "",
            annotation?.Tagger.Name ?? "",
            annotation?.Tagger.When ?? commit.Author.When);
    }

    // A Git ref name, in the words an admin can type in any shell: letters, digits, - _ . and /.
    private static void CheckName(string name)
    {
        if (name.Length == 0 || name.StartsWith('.') || name.EndsWith('.') || name.EndsWith('/') || name.Contains("..", StringComparison.Ordinal)
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
        {
            throw new LcvException($"'{name}' cannot name a baseline: use letters, digits, '-', '_', '.' or '/', for example approved or change-1042.");
        }
    }
}
