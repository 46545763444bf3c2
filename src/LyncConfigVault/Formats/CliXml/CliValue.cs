namespace LyncConfigVault.Formats.CliXml;

/// <summary>
/// One value of a PowerShell CliXml document (the Export-Clixml format, [MS-PSRP] §2.2.5): null, a
/// primitive, or an object. One generic tree for every Response Group file (FORMATS.md §4.5).
/// </summary>
internal abstract class CliValue
{
    public static readonly CliNil Nil = new();
}

internal sealed class CliNil : CliValue;

/// <summary>A primitive: its element name (S, I16, B, TS, G …) and its decoded text.</summary>
internal sealed class CliPrimitive(string element, string text) : CliValue
{
    public string Element { get; } = element;

    public string Text { get; } = text;
}

/// <summary>A complex object: type names, display text, an enum or wrapped value, a collection, properties.</summary>
internal sealed class CliObject : CliValue
{
    /// <summary>Most specific first, without a "Deserialized." prefix.</summary>
    public List<string> TypeNames { get; } = [];

    public string? ToStringText { get; set; }

    /// <summary>The underlying value of an enum or a wrapped primitive.</summary>
    public CliPrimitive? Value { get; set; }

    /// <summary>LST, IE, STK, QUE or DCT when the object is a collection; null otherwise.</summary>
    public string? CollectionKind { get; set; }

    public List<CliValue> Items { get; } = [];

    public List<KeyValuePair<CliValue, CliValue>> Entries { get; } = [];

    /// <summary>Adapted .NET properties (&lt;Props&gt;).</summary>
    public List<KeyValuePair<string, CliValue>> Properties { get; } = [];

    /// <summary>Properties PowerShell added (&lt;MS&gt;).</summary>
    public List<KeyValuePair<string, CliValue>> Members { get; } = [];

    public bool IsEnum => Value is not null && ToStringText is not null && Properties.Count == 0 && CollectionKind is null;

    /// <summary>A property by name, case-insensitively, from Props first, then MS (FORMATS.md §4.6).</summary>
    public CliValue? Property(string name) =>
        Properties.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value
        ?? Members.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A string-like property's text: a primitive's text or an enum's display text.</summary>
    public string? Text(string name) => Property(name) switch
    {
        CliPrimitive p => p.Text,
        CliObject { ToStringText: { } s } => s,
        _ => null,
    };

    /// <summary>Whether the last dotted segment of any type name is <paramref name="shortName"/>.</summary>
    public bool IsOfType(string shortName) =>
        TypeNames.Any(t => t.Equals(shortName, StringComparison.OrdinalIgnoreCase) || t.EndsWith("." + shortName, StringComparison.OrdinalIgnoreCase));
}
