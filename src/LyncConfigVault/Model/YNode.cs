namespace LyncConfigVault.Model;

/// <summary>
/// The YAML tree of one stored object: scalars are always text (XML has no other type), maps keep
/// their key order, so the same tree always serializes to the same bytes.
/// </summary>
internal abstract class YNode
{
    /// <summary>A copy that shares nothing mutable with this node.</summary>
    public YNode DeepCopy() => this switch
    {
        YMap map => map.Entries.Aggregate(new YMap(), (copy, e) => copy.Add(e.Key, e.Value.DeepCopy())),
        YSeq seq => new YSeq(seq.Items.Select(i => i.DeepCopy())),
        _ => this,   // scalars are immutable
    };
}

internal sealed class YScalar(string text) : YNode
{
    public string Text { get; } = text;

    public override string ToString() => Text;
}

internal sealed class YSeq : YNode
{
    public List<YNode> Items { get; } = [];

    public YSeq() { }

    public YSeq(IEnumerable<YNode> items) => Items.AddRange(items);
}

internal sealed class YMap : YNode
{
    private readonly List<KeyValuePair<string, YNode>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, YNode>> Entries => _entries;

    public int Count => _entries.Count;

    public YNode? this[string key]
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public YMap Add(string key, YNode value)
    {
        _entries.Add(new(key, value));
        return this;
    }

    public YMap Add(string key, string value) => Add(key, new YScalar(value));

    public bool Remove(string key) => _entries.RemoveAll(e => e.Key == key) > 0;

    public string? Text(string key) => (this[key] as YScalar)?.Text;

    public void Set(string key, YNode value)
    {
        var index = _entries.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            _entries.Add(new(key, value));
        }
        else
        {
            _entries[index] = new(key, value);
        }
    }
}
