using System.Text.Json;
using System.Text.RegularExpressions;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Normalize.Rgs;

namespace LyncConfigVault.Report;

/// <summary>
/// A stored value in JSON: true and false become booleans, plain decimal integers become numbers,
/// everything else stays a string ("+14255550100", "010", "1.0" and patterns keep their exact text).
/// Maps become objects and lists arrays, in file order.
/// </summary>
internal static partial class JsonValue
{
    public static void Write(Utf8JsonWriter json, YNode? node)
    {
        switch (node)
        {
            case null:
                json.WriteNullValue();
                break;
            case YScalar { Text: "true" }:
                json.WriteBooleanValue(true);
                break;
            case YScalar { Text: "false" }:
                json.WriteBooleanValue(false);
                break;
            case YScalar scalar when Integer().IsMatch(scalar.Text):
                json.WriteNumberValue(long.Parse(scalar.Text, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case YScalar scalar:
                json.WriteStringValue(scalar.Text);
                break;
            case YSeq seq:
                json.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case YMap map:
                json.WriteStartObject();
                // An audio file by its name and size: the hash is how lcv finds the bytes, not what a script compares.
                var audio = AudioReference.From(map) is not null;
                foreach (var (key, value) in map.Entries.Where(e => e.Key != ElementYamlMapper.OrderKey && !(audio && e.Key == AudioReference.HashKey)))
                {
                    json.WritePropertyName(key);
                    Write(json, value);
                }

                json.WriteEndObject();
                break;
        }
    }

    // At most 15 digits: every such number survives a round trip through a JavaScript double. \z, never $:
    // "5\n" is text, not the number 5.
    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,14})\z")]
    private static partial Regex Integer();
}
