namespace LyncConfigVault.Insight;

/// <summary>What lcv check finds wrong in a snapshot.</summary>
internal enum FindingKind
{
    /// <summary>A property names an object the snapshot does not have (or users are granted a policy that does not exist).</summary>
    MissingReference,

    /// <summary>A PSTN usage no voice route carries.</summary>
    UnusedUsage,

    /// <summary>A pattern that is not a valid regular expression.</summary>
    InvalidPattern,

    /// <summary>A pattern no dialed number can match.</summary>
    NeverMatches,

    /// <summary>A setting scoped to a site or service the topology does not have.</summary>
    MissingScope,
}

/// <summary>
/// One problem lcv check finds (lcv.check/1): its kind, the object, the property and what it points at.
/// </summary>
internal sealed record Finding(FindingKind Kind, string Noun, string Identity, string Property, string Target)
{
    /// <summary>For users granted a policy that does not exist: how many.</summary>
    public int? Users { get; init; }

    /// <summary>Users granted a policy that does not exist, rather than an object naming one.</summary>
    public bool IsGrant => Users is not null;

    /// <summary>The kind as lcv.check/1 and the text name it: missing-reference, unused-usage, invalid-pattern, never-matches, missing-scope.</summary>
    public string KindName => Name(Kind);

    public static string Name(FindingKind kind) => kind switch
    {
        FindingKind.MissingReference => "missing-reference",
        FindingKind.UnusedUsage => "unused-usage",
        FindingKind.InvalidPattern => "invalid-pattern",
        FindingKind.NeverMatches => "never-matches",
        _ => "missing-scope",
    };

    public string Describe() => Kind switch
    {
        FindingKind.MissingReference when Users is { } users =>
            $"{users:N0} {(users == 1 ? "user" : "users")} homed on {Identity} are granted {Target}, which does not exist",
        FindingKind.MissingReference => $"{Noun} {Identity}: {Property} names {Target}, which does not exist",
        FindingKind.UnusedUsage => $"PSTN usage {Target} is carried by no voice route: calls given only this usage cannot be placed",
        FindingKind.InvalidPattern => $"{Noun} {Identity}: {Property} is not a valid regular expression ({Target})",
        FindingKind.NeverMatches => $"{Noun} {Identity}: {Property} can never match a number ({Target})",
        _ => $"{Noun} {Identity} is scoped to {Target}, which the topology does not have",
    };
}
