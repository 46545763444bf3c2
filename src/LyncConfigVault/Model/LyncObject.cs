namespace LyncConfigVault.Model;

/// <summary>
/// One configuration object as an administrator knows it (a voice policy, a route, a pool), with
/// the full content of its vault file. Path is relative to the vault root, with '/' separators.
/// </summary>
internal sealed record LyncObject(string Noun, string Area, LyncIdentity Identity, string Path, YMap Content)
{
    private readonly YMap? _content = Content;

    /// <summary>The object's tree; for a packed object, parsed again from its bytes at each use (and not kept).</summary>
    public YMap Content
    {
        get => _content ?? Read!(Yaml!);
        init => _content = value;
    }

    /// <summary>The vault file's bytes, when the object is held packed: 100,000 users fit in memory as bytes, not as trees.</summary>
    public byte[]? Yaml { get; private init; }

    private Func<byte[], YMap>? Read { get; init; }

    /// <summary>"VoicePolicy Tag:Intl": the way reports and commit messages name an object.</summary>
    public string DisplayName => $"{Noun} {Identity}";

    /// <summary>An object held as its file's bytes; <paramref name="read"/> turns them back into a tree when one is needed.</summary>
    public static LyncObject Packed(string noun, string area, LyncIdentity identity, string path, byte[] yaml, Func<byte[], YMap> read) =>
        new(noun, area, identity, path, null!) { Yaml = yaml, Read = read };
}
