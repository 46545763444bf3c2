using System.Text.RegularExpressions;

namespace LyncConfigVault.Normalize;

internal enum NoiseKind
{
    /// <summary>Removed before storing.</summary>
    Drop,

    /// <summary>Kept in the file, never counted as a change.</summary>
    Volatile,

    /// <summary>Replaced by its SHA-256 before storing.</summary>
    Secret,
}

/// <summary>
/// One line of .lcv/filters.yaml: which values of which nouns are noise, and why. Path is the dotted
/// path of YAML keys inside an object file (lists are transparent): '*' is one key, '**' any depth.
/// </summary>
internal sealed record NoiseRule(NoiseKind Kind, string Noun, string Path, string Reason)
{
    private readonly Regex _noun = Glob(Noun, "[^ ]*");
    private readonly Regex _path = Glob(Path, "[^.]*");
    private readonly Regex _lastKey = Glob(Path.Split('.')[^1], "[^.]*");

    public bool AppliesTo(string noun) => _noun.IsMatch(noun);

    public bool Matches(string path) => _path.IsMatch(path);

    /// <summary>Whether a key of this name could end a matching path: a cheap test before building the path.</summary>
    public bool CouldEndWith(string key) => _lastKey.IsMatch(key);

    private static Regex Glob(string pattern, string star)
    {
        var regex = Regex.Escape(pattern).Replace(@"\*\*", "\u0001").Replace(@"\*", star).Replace("\u0001", ".*");
        return new Regex($"^{regex}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
