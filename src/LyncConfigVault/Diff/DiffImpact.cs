namespace LyncConfigVault.Diff;

/// <summary>
/// One consequence of a change, in words: kind references (what now names something gone, or names it
/// again), tests (a voice test case that starts or stops passing), routing (numbers that go elsewhere)
/// or users (how many people the changed policy applies to; Users holds the count).
/// </summary>
internal sealed record ImpactNote(string Kind, string Text)
{
    /// <summary>Whether the consequence is bad news (a reference or test case broken), good news (one mended) or neither.</summary>
    public ImpactEffect Effect { get; init; }

    public const string References = "references";
    public const string Tests = "tests";
    public const string Routing = "routing";
    public const string UsersKind = "users";

    public int? Users { get; init; }
}

internal enum ImpactEffect
{
    Neutral,
    Breaks,
    Mends,
}

/// <summary>What the changes of one diff do (lcv diff --impact): notes per changed object, and notes no single change explains.</summary>
internal sealed record DiffImpact(IReadOnlyDictionary<string, IReadOnlyList<ImpactNote>> ByChange, IReadOnlyList<ImpactNote> Overall)
{
    public IReadOnlyList<ImpactNote> For(ObjectChange change) => ByChange.GetValueOrDefault(Key(change), []);

    public static string Key(ObjectChange change) => change.DisplayName;
}
