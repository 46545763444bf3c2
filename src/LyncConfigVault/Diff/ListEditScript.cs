using DiffPlex;
using DiffPlex.Chunkers;

namespace LyncConfigVault.Diff;

/// <summary>
/// The minimal edit script between two ordered lists (DiffPlex's Myers diff over whole entries):
/// which old positions were removed and which new positions were added; everything else kept its
/// relative order. A value both removed and added is a move, not two changes.
/// </summary>
internal static class ListEditScript
{
    // Entries are joined with a character no YAML scalar holds, so each entry is one "line" to the differ.
    private const char Separator = '\u0001';

    public sealed record Edit(IReadOnlyList<int> Removed, IReadOnlyList<int> Added);

    public static Edit Between(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return new Edit([], []);
        }

        if (before.Count == 0 || after.Count == 0)
        {
            return new Edit(Enumerable.Range(0, before.Count).ToList(), Enumerable.Range(0, after.Count).ToList());
        }

        var result = Differ.Instance.CreateDiffs(
            string.Join(Separator, before.Select(Escape)),
            string.Join(Separator, after.Select(Escape)),
            ignoreWhiteSpace: false,
            ignoreCase: false,
            Chunker);
        var removed = new List<int>();
        var added = new List<int>();
        foreach (var block in result.DiffBlocks)
        {
            removed.AddRange(Enumerable.Range(block.DeleteStartA, block.DeleteCountA));
            added.AddRange(Enumerable.Range(block.InsertStartB, block.InsertCountB));
        }

        return new Edit(removed, added);
    }

    private static readonly CustomFunctionChunker Chunker = new(text => text.Split(Separator));

    private static string Escape(string entry) => entry.Replace(Separator, ' ');
}
