using System.Globalization;
using System.Text;
using LyncConfigVault.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LyncConfigVault.Normalize;

/// <summary>Writes and reads the vault's YAML: LF line endings, UTF-8 without BOM, one fixed layout.</summary>
internal static class YamlText
{
    /// <summary>
    /// Emits the vault's one block layout directly. YamlDotNet's general emitter spent most of a
    /// 20,000-object run analysing scalars whose style <see cref="ScalarStyleChooser"/> has already
    /// decided; reading stays with YamlDotNet, and every test reads back what this writes.
    /// </summary>
    public static string Write(YMap root)
    {
        var builder = new StringBuilder(1024);
        if (root.Count == 0)
        {
            builder.Append("{}\n");
        }
        else
        {
            WriteMapAfterDash(builder, root, 0);
        }

        return builder.ToString();
    }

    public static byte[] WriteBytes(YMap root) => Encoding.UTF8.GetBytes(Write(root));

    /// <summary>Writes what follows "key:" or "- ": a scalar on the same line, or a nested block below.</summary>
    private static void WriteValue(StringBuilder builder, YNode value, int indent, bool inSequence)
    {
        switch (value)
        {
            case YScalar scalar:
                builder.Append(' ');
                WriteScalar(builder, scalar.Text, indent + 2);
                builder.Append('\n');
                break;
            case YMap { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case YSeq { Items.Count: 0 }:
                builder.Append(" []\n");
                break;
            case YMap map when inSequence:
                builder.Append(' ');
                WriteMapAfterDash(builder, map, indent + 2);
                break;
            case YMap map:
                builder.Append('\n').Append(' ', indent + 2);
                WriteMapAfterDash(builder, map, indent + 2);
                break;
            case YSeq seq when inSequence:
                builder.Append(' ');
                WriteSequence(builder, seq, indent + 2, firstOnLine: true);
                break;
            case YSeq seq:
                builder.Append('\n');
                WriteSequence(builder, seq, indent, firstOnLine: false);   // sequences sit at their key's indentation
                break;
        }
    }

    // The first key goes where the cursor is (after "- " or the indentation already written).
    private static void WriteMapAfterDash(StringBuilder builder, YMap map, int indent)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!first)
            {
                builder.Append(' ', indent);
            }

            first = false;
            WriteKey(builder, key);
            builder.Append(':');
            WriteValue(builder, value, indent, inSequence: false);
        }
    }

    private static void WriteSequence(StringBuilder builder, YSeq seq, int indent, bool firstOnLine)
    {
        var first = true;
        foreach (var item in seq.Items)
        {
            if (!(first && firstOnLine))
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append('-');
            WriteValue(builder, item, indent, inSequence: true);
        }
    }

    // A key is always on one line: never a literal block.
    private static void WriteKey(StringBuilder builder, string key)
    {
        if (ScalarStyleChooser.Choose(key) == ScalarStyle.Literal)
        {
            WriteDoubleQuoted(builder, key);
        }
        else
        {
            WriteScalar(builder, key, 0);
        }
    }

    private static void WriteScalar(StringBuilder builder, string text, int indent)
    {
        switch (ScalarStyleChooser.Choose(text))
        {
            case ScalarStyle.Plain:
                builder.Append(text);
                break;
            case ScalarStyle.SingleQuoted:
                builder.Append('\'').Append(text.Replace("'", "''")).Append('\'');
                break;
            case ScalarStyle.Literal:
                WriteLiteral(builder, text, indent);
                break;
            default:
                WriteDoubleQuoted(builder, text);
                break;
        }
    }

    // |, |- or |+ by how the text ends; the caller has checked that no line starts or ends with a space.
    private static void WriteLiteral(StringBuilder builder, string text, int indent)
    {
        var trailing = text.Length - text.TrimEnd('\n').Length;
        builder.Append(trailing switch { 0 => "|-", 1 => "|", _ => "|+" });
        var lines = text[..^trailing].Split('\n');
        foreach (var line in lines)
        {
            builder.Append('\n');
            if (line.Length > 0)
            {
                builder.Append(' ', indent).Append(line);
            }
        }

        for (var i = 1; i < trailing; i++)
        {
            builder.Append('\n');
        }
    }

    private static void WriteDoubleQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                    if (paired)
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Reads a vault file back into the tree it was written from. Every scalar comes back as its text.</summary>
    public static YMap Read(string text, string file)
    {
        return OwnLayoutReader.TryRead(text) ?? ReadAnyLayout(text, file);
    }

    /// <summary>Any YAML, through YamlDotNet: files lcv did not write in its own layout.</summary>
    internal static YMap ReadAnyLayout(string text, string file)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return new YMap();
            }

            parser.Consume<DocumentStart>();
            var node = ReadNode(parser);
            return node as YMap ?? throw LcvException.BadExport(file, "is not a YAML mapping (a vault file starts with 'Identity:').");
        }
        catch (YamlException e)
        {
            throw LcvException.BadExport(file, $"is not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static YNode ReadNode(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YScalar(scalar.Value);
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var seq = new YSeq();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                seq.Items.Add(ReadNode(parser));
            }

            return seq;
        }

        parser.Consume<MappingStart>();
        var map = new YMap();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>().Value;
            map.Add(key, ReadNode(parser));
        }

        return map;
    }
}
