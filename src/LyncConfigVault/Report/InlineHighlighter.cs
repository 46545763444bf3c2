using DiffPlex;
using DiffPlex.Chunkers;

namespace LyncConfigVault.Report;

/// <summary>
/// Marks the characters (the words, in prose) that differ between two versions of a value, so ^(\d{7})$ → ^(\d{6,7})$
/// shows its one edit, not two whole patterns. Very long values are marked whole: past that size a
/// character diff costs more than it helps.
/// </summary>
internal static class InlineHighlighter
{
    private const int MaxLength = 4000;

    public static (List<HtmlPiece> Old, List<HtmlPiece> New) Mark(string before, string after)
    {
        if (before.Length > MaxLength || after.Length > MaxLength)
        {
            return ([new HtmlPiece(before, true)], [new HtmlPiece(after, true)]);
        }

        // Prose (a description, a spoken prompt) is compared word by word, so a rewritten sentence reads as
        // words replaced; a value without spaces (a pattern, a number) character by character.
        IChunker chunker = before.Contains(' ') || after.Contains(' ') ? WordChunker.Instance : CharacterChunker.Instance;
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        var oldMarks = new bool[diff.PiecesOld.Count];
        var newMarks = new bool[diff.PiecesNew.Count];
        foreach (var block in diff.DiffBlocks)
        {
            Array.Fill(oldMarks, true, block.DeleteStartA, block.DeleteCountA);
            Array.Fill(newMarks, true, block.InsertStartB, block.InsertCountB);
        }

        return (Pieces(diff.PiecesOld, oldMarks), Pieces(diff.PiecesNew, newMarks));
    }

    private static List<HtmlPiece> Pieces(IReadOnlyList<string> characters, bool[] marks)
    {
        var pieces = new List<HtmlPiece>();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < characters.Count; i++)
        {
            if (i > 0 && marks[i] != marks[i - 1])
            {
                pieces.Add(new HtmlPiece(text.ToString(), marks[i - 1]));
                text.Clear();
            }

            text.Append(characters[i]);
        }

        if (text.Length > 0)
        {
            pieces.Add(new HtmlPiece(text.ToString(), marks[^1]));
        }

        return pieces;
    }
}
