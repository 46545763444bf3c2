namespace LyncConfigVault.Model;

/// <summary>An object as an admin names it on the command line: "VoicePolicy Tag:Intl", "DialPlan Site:Dublin", "VoiceRoute LocalRoute".</summary>
internal sealed record ObjectName(string Noun, string Identity)
{
    public override string ToString() => $"{Noun} {Identity}";

    /// <summary>Reads "Noun Identity" from one argument, or from two (the noun, then the Identity).</summary>
    public static ObjectName Parse(IReadOnlyList<string> words)
    {
        var text = string.Join(' ', words).Trim();
        var space = text.IndexOf(' ');
        if (space <= 0 || space == text.Length - 1)
        {
            throw new LcvException($"'{text}' does not name an object: write the noun and the Identity, for example \"VoicePolicy Tag:Intl\" or \"DialPlan Site:Dublin\".");
        }

        return new ObjectName(text[..space], text[(space + 1)..].Trim());
    }
}
