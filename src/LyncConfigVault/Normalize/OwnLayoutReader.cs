using System.Globalization;
using System.Text;
using LyncConfigVault.Model;

namespace LyncConfigVault.Normalize;

/// <summary>
/// Reads the one block layout <see cref="YamlText.Write"/> emits, line by line, at the speed of the text: a
/// general YAML parser spent most of a 20,000-object check tokenizing. Anything outside that layout (a comment,
/// a tab, a flow collection, a plain scalar YAML could read another way, a file edited by hand) gives null,
/// and the caller reads the file with YamlDotNet as before: this reader only ever agrees with it or declines.
/// </summary>
internal sealed class OwnLayoutReader
{
    private readonly string[] _lines;
    private int _line;

    private OwnLayoutReader(string[] lines) => _lines = lines;

    /// <summary>The file's tree, or null when the file is not in lcv's own layout.</summary>
    public static YMap? TryRead(string text)
    {
        if (text.Length == 0 || text[^1] != '\n' || text.AsSpan().IndexOfAny("\t\r\uFEFF\u0085\u2028\u2029") >= 0)
        {
            return null;
        }

        if (text == "{}\n")
        {
            return new YMap();
        }

        var reader = new OwnLayoutReader(text[..^1].Split('\n'));
        if (Indent(reader._lines[0]) != 0)
        {
            return null;
        }

        var map = reader.Map(0, 0);
        return map is not null && reader._line == reader._lines.Length ? map : null;
    }

    // A block mapping whose first key starts at column 'start' of the current line; its keys sit at 'indent'.
    private YMap? Map(int indent, int start)
    {
        var map = new YMap();
        var column = start;
        while (true)
        {
            var line = _lines[_line];
            if (Key(line, column) is not ({ } key, var afterColon))
            {
                return null;
            }

            var value = afterColon == line.Length ? Below(indent) : line[afterColon] == ' ' ? Inline(line[(afterColon + 1)..], indent) : null;
            if (value is null)
            {
                return null;
            }

            map.Add(key, value);
            if (_line == _lines.Length || Indent(_lines[_line]) < indent)
            {
                return map;
            }

            if (Indent(_lines[_line]) != indent || IsDash(_lines[_line], indent))
            {
                return null;
            }

            column = indent;
        }
    }

    // A sequence whose first dash is at column 'start' of the current line; its dashes sit at 'indent'.
    private YSeq? Sequence(int indent, int start)
    {
        var seq = new YSeq();
        var column = start;
        while (true)
        {
            var line = _lines[_line];
            if (!IsDash(line, column) || line.Length == column + 1)
            {
                return null;
            }

            var item = Item(line, column + 2, indent);
            if (item is null)
            {
                return null;
            }

            seq.Items.Add(item);
            if (_line == _lines.Length || Indent(_lines[_line]) < indent || (Indent(_lines[_line]) == indent && !IsDash(_lines[_line], indent)))
            {
                return seq;   // what follows belongs to the parent: the next key of the mapping this list is a value of
            }

            if (Indent(_lines[_line]) != indent)
            {
                return null;
            }

            column = indent;
        }
    }

    // What follows "- ": a nested sequence, a mapping whose first key is on this line, or a scalar.
    private YNode? Item(string line, int column, int indent)
    {
        if (IsDash(line, column))
        {
            return Sequence(column, column);
        }

        if (Key(line, column) is ({ }, _))
        {
            return Map(column, column);
        }

        return Inline(line[column..], indent);
    }

    // The value after "key:" with nothing on the line: a mapping indented deeper, or a sequence at the key's indentation.
    private YNode? Below(int indent)
    {
        _line++;
        if (_line == _lines.Length)
        {
            return null;
        }

        var next = _lines[_line];
        var at = Indent(next);
        return at == indent && IsDash(next, at) ? Sequence(indent, indent)
            : at > indent && !IsDash(next, at) ? Map(at, at)
            : null;
    }

    // A value that starts on the current line: {} or [], a literal block, a quoted or plain scalar. Moves past it.
    private YNode? Inline(string text, int parentIndent)
    {
        YNode? value = text switch
        {
            "{}" => new YMap(),
            "[]" => new YSeq(),
            "|" or "|-" or "|+" => Literal(text, parentIndent),
            _ => Scalar(text, out var used) is { } scalar && used == text.Length ? new YScalar(scalar) : null,
        };
        if (value is not null && text[0] != '|')
        {
            _line++;
        }

        return value;
    }

    // A literal block: its lines indented deeper than its parent, chomped as its header says.
    private YScalar? Literal(string header, int parentIndent)
    {
        var lines = new List<string>();
        var contentIndent = -1;
        var next = _line + 1;
        for (; next < _lines.Length; next++)
        {
            var line = _lines[next];
            if (line.Length == 0)
            {
                lines.Add("");
                continue;
            }

            var at = Indent(line);
            if (at == line.Length)
            {
                return null;   // a line of spaces only: YAML's rules for it are subtle, YamlDotNet reads it
            }

            if (contentIndent < 0)
            {
                if (at <= parentIndent || lines.Count > 0)
                {
                    return null;
                }

                contentIndent = at;
            }

            if (at < contentIndent)
            {
                break;
            }

            lines.Add(line[contentIndent..]);
        }

        var trailing = lines.Count - lines.FindLastIndex(l => l.Length > 0) - 1;
        if (contentIndent < 0 || trailing == lines.Count)
        {
            return null;
        }

        _line = next;
        var body = string.Join('\n', lines.Take(lines.Count - trailing));
        return new YScalar(header switch
        {
            "|-" => body,
            "|" => body + "\n",
            _ => body + new string('\n', trailing + 1),
        });
    }

    // A key at 'column' and where its colon ends: the colon must be followed by a space or the end of the line.
    private static (string? Key, int AfterColon) Key(string line, int column)
    {
        if (column >= line.Length)
        {
            return (null, 0);
        }

        if (line[column] is '"' or '\'')
        {
            var key = Scalar(line[column..], out var used);
            var colon = column + used;
            return key is not null && colon < line.Length && line[colon] == ':' && (colon + 1 == line.Length || line[colon + 1] == ' ') ? (key, colon + 1) : (null, 0);
        }

        for (var i = column; i < line.Length; i++)
        {
            if (line[i] == ':' && (i + 1 == line.Length || line[i + 1] == ' '))
            {
                var plain = line[column..i];
                return IsPlain(plain) ? (plain, i + 1) : (null, 0);
            }
        }

        return (null, 0);
    }

    // A quoted or plain scalar at the start of 'text'; 'used' is how many characters it took.
    private static string? Scalar(string text, out int used)
    {
        used = 0;
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] == '\'')
        {
            var builder = new StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] != '\'')
                {
                    builder.Append(text[i]);
                }
                else if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    builder.Append('\'');
                    i++;
                }
                else
                {
                    used = i + 1;
                    return builder.ToString();
                }
            }

            return null;
        }

        if (text[0] == '"')
        {
            return DoubleQuoted(text, out used);
        }

        // A plain scalar runs to the end of the value (keys are cut at their colon before they get here).
        used = text.Length;
        return IsPlain(text) ? text : null;
    }

    private static string? DoubleQuoted(string text, out int used)
    {
        used = 0;
        var builder = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                used = i + 1;
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i == text.Length)
            {
                return null;
            }

            switch (text[i])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case '0': builder.Append('\0'); break;
                case 'u' when i + 4 < text.Length && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) && !char.IsSurrogate((char)code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    return null;   // an escape lcv never writes: YamlDotNet knows them all
            }
        }

        return null;
    }

    // Text YAML reads as exactly itself when written plain: no indicator first, nothing that starts a comment or a
    // mapping inside, no space at either end. Stricter than YAML: what it refuses, YamlDotNet reads instead.
    private static bool IsPlain(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ' || text[^1] == ':')
        {
            return false;
        }

        if ("?:,[]{}#&*!|>'\"%@`".Contains(text[0]) || (text[0] == '-' && (text.Length == 1 || text[1] == ' ')))
        {
            return false;
        }

        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal) && (text.Length < 3 || !(text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal)));
    }

    private static bool IsDash(string line, int column) =>
        column < line.Length && line[column] == '-' && (column + 1 == line.Length || line[column + 1] == ' ');

    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i;
    }
}
