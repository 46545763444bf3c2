using LyncConfigVault.Model;

namespace LyncConfigVault.Diff;

internal enum PropertyChangeKind
{
    Added,
    Removed,
    Changed,
    Moved,
}

/// <summary>
/// One value that differs inside a modified object. Path is dotted, with keyed list entries as
/// NormalizationRules[Name=Dublin-Local].Pattern. A moved entry of an ordered list carries its value
/// in both Old and New and its positions in From and To; an added or removed entry of an ordered
/// list carries the position it has (To) or had (From). Lines is the line diff of a text on several lines.
/// </summary>
internal sealed record PropertyChange(string Path, PropertyChangeKind Kind, YNode? Old, YNode? New)
{
    public int? From { get; init; }

    public int? To { get; init; }

    public IReadOnlyList<TextLine>? Lines { get; init; }

    /// <summary>For a moved entry: the whole list's order on both sides, so a view can show it as the admin sees it.</summary>
    public ListOrder? Order { get; init; }
}

/// <summary>A list's entries in order before and after a move: usage names, rule names, route names.</summary>
internal sealed record ListOrder(IReadOnlyList<string> Before, IReadOnlyList<string> After);

internal enum TextLineKind
{
    Unchanged,
    Added,
    Removed,
}

/// <summary>One line of a long text's line diff.</summary>
internal sealed record TextLine(TextLineKind Kind, string Text);
