using System.Text.RegularExpressions;
using System.Xml;
using LyncConfigVault.Model;
using LyncConfigVault.Formats.CliXml;

namespace LyncConfigVault.Normalize.Rgs;

/// <summary>
/// One CliXml object → readable YAML, the way an administrator reads Get-CsRgs* output: properties by
/// name in a stable order, enums by their names, times as HH:mm, references by the target's Name,
/// audio files by content hash. Everything else that the file needs to be rebuilt goes to the shapes.
/// </summary>
internal sealed partial class CliYamlMapper(CliShapes shapes, Func<string, string?> resolveGuid, Func<CliObject, string, YMap> audio)
{
    public const string UnresolvedKey = "Unresolved";

    /// <summary>The properties of a top-level object; <paramref name="skip"/> names the ones the caller lays out itself.</summary>
    public YMap Properties(CliObject obj, params string[] skip)
    {
        shapes.Shapes.Add("", "Obj" + shapes.TypeRef(obj.TypeNames));
        if (obj.ToStringText is not null)
        {
            shapes.ToStrings.Add("", obj.ToStringText);
        }

        return Map(obj, "", skip);
    }

    /// <summary>A value at <paramref name="path"/>; null for a nil property (its shape says it was there).</summary>
    public YNode? Value(CliValue value, string path)
    {
        switch (value)
        {
            case CliNil:
                shapes.Shapes.Add(path, "Nil");
                return null;
            case CliPrimitive primitive:
                return Primitive(primitive, path);
            case CliObject obj when IsIdentity(obj):
                return Reference(obj, path);
            case CliObject obj when IsAudioFile(obj):
                Hide(obj, path, "Audio", "OriginalFileName");
                return audio(obj, path);
            case CliObject { IsEnum: true } obj:
                shapes.Shapes.Add(path, $"Enum{shapes.TypeRef(obj.TypeNames)} {obj.Value!.Element} {obj.Value.Text}");
                return new YScalar(obj.ToStringText!);
            case CliObject { CollectionKind: "DCT" } obj:
                shapes.Shapes.Add(path, "DCT" + shapes.TypeRef(obj.TypeNames));
                var dictionary = new YMap();
                foreach (var (key, item) in obj.Entries)
                {
                    var name = key is CliPrimitive p ? p.Text : (key as CliObject)?.ToStringText ?? "";
                    dictionary.Add(name, Value(item, $"{path}[{name}]") ?? new YScalar(""));
                }

                return dictionary;
            case CliObject { CollectionKind: { } kind } obj:
                shapes.Shapes.Add(path, kind + shapes.TypeRef(obj.TypeNames));
                return new YSeq(obj.Items.Select((item, i) => Value(item, $"{path}[{i}]") ?? new YScalar("")));
            case CliObject obj:
                shapes.Shapes.Add(path, "Obj" + shapes.TypeRef(obj.TypeNames));
                if (obj.ToStringText is not null)
                {
                    shapes.ToStrings.Add(path, obj.ToStringText);
                }

                return Map(obj, path, []);
            default:
                return null;
        }
    }

    /// <summary>An Identity object (a GUID in InstanceId): the object itself at the top, a reference anywhere else.</summary>
    public static bool IsIdentity(CliObject obj) =>
        obj.CollectionKind is null
        && obj.Properties.Concat(obj.Members).All(p => p.Value is CliPrimitive or CliNil)
        && obj.Property("InstanceId") is CliPrimitive { Element: "G" };

    public static bool IsAudioFile(CliObject obj) =>
        obj.CollectionKind is null
        && obj.Properties.Concat(obj.Members).All(p => p.Value is CliPrimitive or CliNil)
        && obj.Text("OriginalFileName") is not null && obj.Property("UniqueName") is not null;

    /// <summary>The GUID of an identity object (FORMATS.md §4.6 rule 5): InstanceId, a GUID-shaped NonNormalized, or the end of its text.</summary>
    public static string? GuidOf(CliObject identity)
    {
        if (identity.Text("InstanceId") is { } instance)
        {
            return instance.ToLowerInvariant();
        }

        var candidate = identity.Text("NonNormalized") ?? identity.ToStringText ?? "";
        return TrailingGuid().Match(candidate) is { Success: true } m ? m.Value.ToLowerInvariant() : null;
    }

    /// <summary>Keeps an identity's properties in the shapes, for the top-level Identity the caller does not lay out.</summary>
    public void HideIdentity(CliObject identity, string path) => Hide(identity, path, "Ref", null);

    private YNode Reference(CliObject obj, string path)
    {
        Hide(obj, path, "Ref", null);
        var guid = GuidOf(obj)!;
        shapes.Guids.Add(path, guid);
        return resolveGuid(guid) is { } name
            ? new YScalar(name)
            : new YMap().Add("Guid", guid).Add(UnresolvedKey, "true");
    }

    private void Hide(CliObject obj, string path, string form, string? shown)
    {
        shapes.Shapes.Add(path, form + shapes.TypeRef(obj.TypeNames));
        if (obj.ToStringText is not null)
        {
            shapes.ToStrings.Add(path, obj.ToStringText);
        }

        var hidden = new YMap();
        foreach (var (name, value) in obj.Properties.Where(p => !p.Key.Equals(shown, StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hidden.Add(name, value is CliPrimitive p ? $"{p.Element} {p.Text}" : "Nil");
        }

        shapes.Hidden.Add(path, hidden);
    }

    private YMap Map(CliObject obj, string path, string[] skip)
    {
        var map = new YMap();
        var all = obj.Properties.Select(p => (p.Key, p.Value, Member: false)).Concat(obj.Members.Select(p => (p.Key, p.Value, Member: true)));
        foreach (var (name, value, member) in all.Where(p => !skip.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (member)
            {
                shapes.Members.Items.Add(new YScalar(childPath));
            }

            if (Value(value, childPath) is { } node && map[name] is null)
            {
                map.Add(name, node);
            }
        }

        return map;
    }

    private YScalar Primitive(CliPrimitive primitive, string path)
    {
        switch (primitive.Element)
        {
            case "S" or "URI":
                if (primitive.Element != "S")
                {
                    shapes.Shapes.Add(path, primitive.Element);
                }

                return new YScalar(primitive.Text);
            case "TS":
                shapes.Shapes.Add(path, "TS");
                return new YScalar(Time(primitive.Text));
            case "DT":
                // The wall-clock time is the setting; the kind suffix may follow the exporting server (§4.6 rule 8).
                shapes.Shapes.Add(path, "DT " + primitive.Text);
                return new YScalar(KindSuffix().Replace(primitive.Text, ""));
            case "SS":
                shapes.Shapes.Add(path, "SS");
                return new YScalar("redacted:secure-string");
            default:
                shapes.Shapes.Add(path, primitive.Element);
                return new YScalar(primitive.Text);
        }
    }

    /// <summary>A TimeSpan as HH:mm (with :ss when not zero, and days when more than one).</summary>
    public static string Time(string duration)
    {
        TimeSpan span;
        try
        {
            span = XmlConvert.ToTimeSpan(duration);
        }
        catch (FormatException)
        {
            return duration;   // kept as written; never dropped
        }

        var clock = span.Seconds == 0 ? $"{span.Hours:00}:{span.Minutes:00}" : $"{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}";
        return span.Days == 0 ? clock : $"{span.Days}.{clock}";
    }

    [GeneratedRegex(@"(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex KindSuffix();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex TrailingGuid();
}
