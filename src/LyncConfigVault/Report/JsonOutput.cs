using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LyncConfigVault.Report;

/// <summary>Every JSON document lcv prints: indented, UTF-8, patterns and names unescaped, one final newline.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            write(json);
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    /// <summary>A document built of dictionaries and lists, written the same way.</summary>
    public static void Write(TextWriter output, object document) =>
        Write(output, json => JsonSerializer.Serialize(json, document));
}
