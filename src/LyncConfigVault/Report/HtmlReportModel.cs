namespace LyncConfigVault.Report;

/// <summary>What the HTML template sees: plain text only, every value already cut into highlighted pieces.</summary>
/// <param name="Impact">What the changes do as a whole (lcv diff --impact), or empty.</param>
internal sealed record HtmlReportModel(string Title, string Headline, string From, string To, IReadOnlyList<HtmlArea> Areas, HtmlArea Total, IReadOnlyList<HtmlImpact> Impact)
{
    /// <summary>The deployment's name, or empty.</summary>
    public string Deployment { get; init; } = "";

    /// <summary>The change ticket the admin gave (--ticket), or empty.</summary>
    public string Ticket { get; init; } = "";

    /// <summary>The vault's baseline in words, or empty.</summary>
    public string Baseline { get; init; } = "";
}

internal sealed record HtmlArea(string Name, int Added, int Removed, int Modified, int Renamed, IReadOnlyList<HtmlCard> Cards);

/// <param name="Kind">added, removed, modified or renamed: the card's CSS class.</param>
/// <param name="Note">"renamed from Tag:Old (same settings)", or empty.</param>
/// <param name="Impact">What this change does (lcv diff --impact), or empty.</param>
internal sealed record HtmlCard(string Kind, string Symbol, string Noun, string Identity, string Note, IReadOnlyList<HtmlRow> Rows, IReadOnlyList<HtmlImpact> Impact)
{
    /// <summary>The commands that would take this change back (from the scoped restore), or empty when not worked out.</summary>
    public IReadOnlyList<string> Undo { get; init; } = [];
}

/// <param name="Kind">references, tests, routing or users, and breaks or mends when it is bad or good news: the line's CSS classes.</param>
internal sealed record HtmlImpact(string Kind, string Text);

/// <param name="Kind">added, removed, changed, moved, or setting (a value of an added or removed object).</param>
internal sealed record HtmlRow(string Path, string Kind, IReadOnlyList<HtmlPiece> Old, IReadOnlyList<HtmlPiece> New, string Note, IReadOnlyList<HtmlLine> Lines);

/// <summary>A piece of a value; Marked pieces are the part that changed.</summary>
internal sealed record HtmlPiece(string Text, bool Marked);

internal sealed record HtmlLine(string Kind, string Text);
