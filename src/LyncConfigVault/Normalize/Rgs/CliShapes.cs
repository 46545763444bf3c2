using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Rgs;

/// <summary>
/// What the readable YAML of a CliXml object leaves out, kept in its Export block so the object can
/// be written back byte-for-meaning (FORMATS.md §4.6): per path, the CliXml element or object form,
/// type names, display texts, the GUIDs behind references, and the hidden properties of identities
/// and audio files. All of it is volatile: a re-created object with a new GUID is not a change.
/// </summary>
internal sealed class CliShapes
{
    public const string ShapesKey = "Shapes";
    public const string TypeNamesKey = "TypeNames";
    public const string ToStringKey = "ToString";
    public const string GuidsKey = "Guids";
    public const string HiddenKey = "Hidden";
    public const string MembersKey = "Members";

    private readonly List<string> _typeNameKeys = [];

    public YMap Shapes { get; } = new();

    public YSeq TypeNames { get; } = new();

    public YMap ToStrings { get; } = new();

    public YMap Guids { get; } = new();

    public YMap Hidden { get; } = new();

    public YSeq Members { get; } = new();

    /// <summary>"T3": the index of a type-name list in this object's table, shared by every path that uses it.</summary>
    public string TypeRef(IReadOnlyList<string> typeNames)
    {
        if (typeNames.Count == 0)
        {
            return "";
        }

        var key = string.Join('\n', typeNames);
        var index = _typeNameKeys.IndexOf(key);
        if (index < 0)
        {
            index = _typeNameKeys.Count;
            _typeNameKeys.Add(key);
            TypeNames.Items.Add(new YSeq(typeNames.Select(t => (YNode)new YScalar(t))));
        }

        return $" T{index}";
    }

    /// <summary>Adds the non-empty tables to an Export block.</summary>
    public void AddTo(YMap export)
    {
        Add(export, ShapesKey, Shapes);
        Add(export, TypeNamesKey, TypeNames);
        Add(export, ToStringKey, ToStrings);
        Add(export, GuidsKey, Guids);
        Add(export, HiddenKey, Hidden);
        Add(export, MembersKey, Members);
    }

    private static void Add(YMap export, string key, YNode table)
    {
        if (table is YMap { Count: > 0 } or YSeq { Items.Count: > 0 })
        {
            export.Add(key, table);
        }
    }
}
