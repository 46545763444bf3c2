using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize.Layout;

/// <summary>
/// What one read of DocItemSet.xml understood, for lcv inspect: per document type how many items
/// became catalog objects and how many were kept generically and why, and how the file spelled
/// the configuration (wrappers, key form, list form, priorities, encoding).
/// </summary>
internal sealed class CmsReading(string encoding)
{
    private readonly SortedDictionary<string, DocumentRead> _documents = new(StringComparer.Ordinal);
    private readonly List<GenericDocument> _generic = [];
    private readonly SortedSet<string> _layout = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _wrappers = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _schemaVersions = new(StringComparer.Ordinal);

    public string Encoding { get; } = encoding;

    public IReadOnlyCollection<DocumentRead> Documents => _documents.Values;

    public IReadOnlyList<GenericDocument> GenericDocuments => _generic;

    /// <summary>The layout choices seen, one phrase each ("key fields as child elements").</summary>
    public IReadOnlyCollection<string> LayoutChoices => _layout;

    /// <summary>The wrapper chains seen between DocItem and AnchoredXml ("Data", "none", "Content > Inner").</summary>
    public IReadOnlyCollection<string> WrapperChains => _wrappers;

    /// <summary>The AnchoredXml SchemaWriteVersion values seen (FORMATS.md §2.9: 1 so far).</summary>
    public IReadOnlyCollection<string> SchemaWriteVersions => _schemaVersions;

    public int GenericItemCount => _documents.Values.Where(d => d.Noun is null).Sum(d => d.Items) + _generic.Count;

    public void Envelope(CmsEnvelope envelope)
    {
        _wrappers.Add(envelope.Wrappers.Count == 0 ? "none" : string.Join(" > ", envelope.Wrappers.Select(w => w.Name.LocalName)));
        _schemaVersions.Add(envelope.AnchoredXml.Attribute("SchemaWriteVersion")?.Value ?? "none");
    }

    /// <param name="noun">The catalog noun its items were read as; null when the catalog does not know the type.</param>
    public void Document(CmsEnvelope envelope, string? noun)
    {
        var key = $"{envelope.ElementName},{envelope.ScopeClass}";
        if (!_documents.TryGetValue(key, out var read))
        {
            _documents[key] = read = new DocumentRead(envelope.ElementName, envelope.ScopeClass, noun);
        }

        read.Items += envelope.Items.Count;
    }

    public void Generic(string label, string reason) => _generic.Add(new GenericDocument(label, reason));

    public void Layout(string choice) => _layout.Add(choice);

    /// <summary>Notes the wrapped lists and written priorities one object's Export records.</summary>
    public void Lists(YMap? export)
    {
        foreach (var (list, item) in (export?[ListLayout.WrappedKey] as YMap)?.Entries ?? [])
        {
            _layout.Add($"list {list} wrapped around <{item}> items");
        }

        foreach (var (list, first) in (export?[ListLayout.PrioritiesKey] as YMap)?.Entries ?? [])
        {
            _layout.Add($"{list} also written as Priority (from {first})");
        }
    }

    public void Lists(IEnumerable<YMap?> exports)
    {
        foreach (var export in exports)
        {
            Lists(export);
        }
    }
}

/// <summary>One (type, scope class) document: how many items it held and the catalog noun they were read as (null: kept generically).</summary>
internal sealed record DocumentRead(string ElementName, string ScopeClass, string? Noun)
{
    public int Items { get; set; }
}

/// <summary>A DocItem kept whole under cms/other, and the element that did not fit.</summary>
internal sealed record GenericDocument(string Label, string Reason);
