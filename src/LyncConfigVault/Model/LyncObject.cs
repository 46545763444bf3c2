namespace LyncConfigVault.Model;

/// <summary>
/// One configuration object as an administrator knows it (a voice policy, a route, a pool), with
/// the full content of its vault file. Path is relative to the vault root, with '/' separators.
/// </summary>
internal sealed record LyncObject(string Noun, string Area, LyncIdentity Identity, string Path, YMap Content)
{
    /// <summary>"VoicePolicy Tag:Intl": the way reports and commit messages name an object.</summary>
    public string DisplayName => $"{Noun} {Identity}";
}
