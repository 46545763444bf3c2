using System.Text.RegularExpressions;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Diff;

/// <summary>
/// How one environment's names become another's (lcv diff A B --map FILE): site names, pool and gateway
/// FQDNs, SIP domains, policy prefixes. Each rename is literal (every occurrence, any case) or a .NET
/// regular expression over the whole value as lcv shows it (Tag:LAB-Intl, Site:Lab-Dublin), with $1
/// in the replacement. They apply in the file's order, each to what the one before left.
/// <code>
/// renames:
///   - from: lab.fabrikam.local      # literal
///     to: fabrikam.com
///   - regex: '^(Tag:)?LAB-(.+)$'
///     to: '$1$2'
/// </code>
/// </summary>
internal sealed class NameMap
{
    private static readonly TimeSpan MatchLimit = TimeSpan.FromSeconds(1);
    private readonly List<Func<string, string>> _renames = [];

    public int Count => _renames.Count;

    public static NameMap Load(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw LcvException.BadFile(file, $"cannot be read ({e.Message}).");
        }

        var root = YamlText.Read(text, file);
        if (root["renames"] is not YSeq renames || renames.Items.Count == 0)
        {
            throw LcvException.BadFile(file, "holds no renames: write 'renames:' and under it '- from: <lab name>' / 'to: <production name>' (or '- regex: …').");
        }

        var map = new NameMap();
        var number = 0;
        foreach (var item in renames.Items)
        {
            number++;
            if (item is not YMap rename || rename.Text("to") is not { } to)
            {
                throw LcvException.BadFile(file, $"rename {number} has no 'to:'.");
            }

            if (rename.Text("from") is { Length: > 0 } from)
            {
                map._renames.Add(value => value.Replace(from, to, StringComparison.OrdinalIgnoreCase));
            }
            else if (rename.Text("regex") is { Length: > 0 } pattern)
            {
                Regex regex;
                try
                {
                    regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchLimit);
                }
                catch (ArgumentException e)
                {
                    throw LcvException.BadFile(file, $"rename {number}: '{pattern}' is not a valid regular expression ({e.Message.Split('\n')[0].Trim()}).");
                }

                map._renames.Add(value => regex.Replace(value, to));
            }
            else
            {
                throw LcvException.BadFile(file, $"rename {number} has neither 'from:' (a literal name) nor 'regex:'.");
            }
        }

        return map;
    }

    public string Apply(string value)
    {
        foreach (var rename in _renames)
        {
            value = rename(value);
        }

        return value;
    }

    /// <summary>A copy of an object with every value renamed (keys are property names and stay).</summary>
    public YNode Apply(YNode node) => node switch
    {
        YMap map => map.Entries.Aggregate(new YMap(), (copy, e) => copy.Add(e.Key, Apply(e.Value))),
        YSeq seq => new YSeq(seq.Items.Select(Apply)),
        YScalar scalar => new YScalar(Apply(scalar.Text)),
        _ => node,
    };
}
