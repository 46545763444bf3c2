using LyncConfigVault.Model;
using LyncConfigVault.Normalize.Rgs;

namespace LyncConfigVault.Restore;

/// <summary>Reads the shapes an RGS object's Export block kept (<see cref="CliShapes"/>): the other half of the YAML.</summary>
internal sealed class ShapeReader(YMap export, string? owner)
{
    private readonly YMap _shapes = export[CliShapes.ShapesKey] as YMap ?? new YMap();
    private readonly List<List<string>> _typeNames = ((export[CliShapes.TypeNamesKey] as YSeq)?.Items ?? [])
        .Select(t => (t as YSeq)?.Items.OfType<YScalar>().Select(s => s.Text).ToList() ?? []).ToList();

    private readonly YMap _toStrings = export[CliShapes.ToStringKey] as YMap ?? new YMap();
    private readonly YMap _hidden = export[CliShapes.HiddenKey] as YMap ?? new YMap();
    private readonly HashSet<string> _members = ((export[CliShapes.MembersKey] as YSeq)?.Items ?? []).OfType<YScalar>().Select(s => s.Text).ToHashSet(StringComparer.Ordinal);

    /// <summary>The InstanceId of the object: the folder its audio files live in.</summary>
    public string? Owner => owner;

    public bool Has(string path) => _shapes[path] is not null;

    /// <summary>The form (Obj, LST, Enum, I16 …), type names and the rest of the shape at <paramref name="path"/>; a plain string, map or list when none was kept.</summary>
    public (string Form, List<string> TypeNames, string Detail) Shape(string path, YNode node)
    {
        var shape = _shapes.Text(path) ?? node switch
        {
            YMap => "Obj",
            YSeq => "LST",
            _ => "S",
        };
        var words = shape.Split(' ', 2);
        var rest = words.Length > 1 ? words[1] : "";
        var typeNames = new List<string>();
        if (rest.StartsWith('T') && int.TryParse(rest.Split(' ', 2)[0][1..], out var index) && index < _typeNames.Count)
        {
            typeNames = _typeNames[index];
            rest = rest.Contains(' ') ? rest[(rest.IndexOf(' ') + 1)..] : "";
        }

        return (words[0], typeNames, rest);
    }

    public string? ToStringOf(string path) => _toStrings.Text(path);

    public IEnumerable<KeyValuePair<string, string>> HiddenOf(string path) =>
        (_hidden[path] as YMap)?.Entries.Select(e => new KeyValuePair<string, string>(e.Key, (e.Value as YScalar)?.Text ?? "Nil")) ?? [];

    public bool IsMember(string path) => _members.Contains(path);

    /// <summary>The names of the nil properties directly under <paramref name="path"/>.</summary>
    public IEnumerable<string> NilChildren(string path)
    {
        var prefix = path.Length == 0 ? "" : path + ".";
        foreach (var (key, value) in _shapes.Entries)
        {
            if ((value as YScalar)?.Text == "Nil" && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = key[prefix.Length..];
                if (name.Length > 0 && !name.Contains('.') && !name.Contains('['))
                {
                    yield return name;
                }
            }
        }
    }
}
