using System.Text;
using System.Text.RegularExpressions;

namespace LyncConfigVault.Insight;

/// <summary>
/// A number a Lync pattern matches, worked out from the pattern itself, so the diff can route
/// numbers nobody listed (every rule's and route's own) through both snapshots. It knows the
/// subset dial plans and routes are written in: anchors, literals, \d and other escapes, classes,
/// groups, lookarounds, alternation and quantifiers. Every sample is checked against the real
/// regular expression; a pattern outside the subset gives no sample, never a wrong one.
/// It also proves the one kind of pattern that can never match: an anchor that every way through
/// the pattern puts in the middle of the number (^ after a digit, $ before one).
/// </summary>
internal static class PatternSample
{
    private const string Digits = "2207946013";
    private const int MaxCandidates = 32;

    /// <summary>A string the pattern matches, or null when none was found (invalid, outside the subset, or never matching).</summary>
    public static string? Of(string pattern) => Analyze(pattern).Samples.FirstOrDefault();

    /// <summary>
    /// Strings the pattern matches at its shortest, one longer and its longest, and down each
    /// alternative: a rule changed from \d{6,7} to \d{6,8} differs only for the longest.
    /// </summary>
    public static IReadOnlyList<string> All(string pattern) => Analyze(pattern).Samples;

    /// <summary>Whether the pattern provably matches nothing, with the reason in words.</summary>
    public static string? NeverMatches(string pattern) => Analyze(pattern).Never;

    private static (IReadOnlyList<string> Samples, string? Never) Analyze(string pattern)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException)
        {
            return ([], null);   // lcv check reports it as invalid, not as never matching
        }

        Node tree;
        try
        {
            tree = new Parser(pattern).Parse();
        }
        catch (FormatException)
        {
            return ([], null);
        }

        var candidates = Expand(tree, MaxCandidates);
        if (candidates.Count > 0 && candidates.All(c => c.Contradiction is not null))
        {
            return ([], candidates[0].Contradiction);
        }

        var samples = new List<string>();
        foreach (var candidate in candidates.Where(c => c.Contradiction is null).Select(c => c.Text).Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (regex.IsMatch(candidate))
                {
                    samples.Add(candidate);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                break;
            }
        }

        return (samples, null);
    }

    private abstract record Node;

    private sealed record Literal(string Choices) : Node;            // one character from Choices (the first is preferred)

    private sealed record Sequence(List<Node> Items) : Node;

    private sealed record Alternation(List<Node> Options) : Node;

    private sealed record Repeat(Node Item, int Min, int Max) : Node;

    private sealed record Anchor(bool Start) : Node;

    private sealed record Assertion : Node;                          // lookarounds and \b: consume nothing, checked by the real regex

    /// <summary>A string being built, and how far it got: the anchors it must respect.</summary>
    private sealed record Candidate(string Text, bool Ended, string? Contradiction);

    private static List<Candidate> Expand(Node node, int limit)
    {
        var results = new List<Candidate> { new("", false, null) };
        return Extend(results, node, limit);
    }

    private static List<Candidate> Extend(List<Candidate> candidates, Node node, int limit)
    {
        switch (node)
        {
            case Literal literal:
                return candidates.Select(c => Append(c, Pick(literal.Choices, c.Text.Length))).ToList();
            case Anchor { Start: true }:
                return candidates.Select(c => c.Text.Length > 0 && c.Contradiction is null ? c with { Contradiction = "^ comes after a character: nothing can come before the start" } : c).ToList();
            case Anchor:
                return candidates.Select(c => c with { Ended = true }).ToList();
            case Assertion:
                return candidates;
            case Sequence sequence:
                foreach (var item in sequence.Items)
                {
                    candidates = Extend(candidates, item, limit);
                }

                return candidates;
            case Alternation alternation:
                var all = new List<Candidate>();
                foreach (var option in alternation.Options)
                {
                    all.AddRange(Extend(candidates, option, limit));
                }

                return all.Take(limit).ToList();
            case Repeat repeat:
                // The fewest repetitions first, then a few more: a route may need a longer number than its minimum.
                var counts = new[] { repeat.Min, Math.Min(repeat.Max, repeat.Min + 1), Math.Min(repeat.Max, Math.Max(repeat.Min, 10)) }.Distinct();
                var repeated = new List<Candidate>();
                foreach (var count in counts)
                {
                    var current = candidates;
                    for (var i = 0; i < count; i++)
                    {
                        current = Extend(current, repeat.Item, limit);
                    }

                    repeated.AddRange(current);
                }

                return repeated.Take(limit).ToList();
            default:
                throw new FormatException();
        }
    }

    private static Candidate Append(Candidate candidate, char c) =>
        candidate.Ended && candidate.Contradiction is null
            ? candidate with { Text = candidate.Text + c, Contradiction = "$ comes before a character: nothing can follow the end" }
            : candidate with { Text = candidate.Text + c };

    // Digits vary with the position, so a sample reads like a number (2079460135…) rather than 0000000.
    private static char Pick(string choices, int position)
    {
        var digit = Digits[position % Digits.Length];
        return choices.Contains(digit) ? digit : choices[0];
    }

    /// <summary>A small recursive-descent parser for the pattern subset; anything else is a FormatException.</summary>
    private sealed class Parser(string pattern)
    {
        private const string AllDigits = "0123456789";
        private int _at;

        public Node Parse()
        {
            var node = ParseAlternation();
            return _at == pattern.Length ? node : throw new FormatException();
        }

        private Node ParseAlternation()
        {
            var options = new List<Node> { ParseSequence() };
            while (_at < pattern.Length && pattern[_at] == '|')
            {
                _at++;
                options.Add(ParseSequence());
            }

            return options.Count == 1 ? options[0] : new Alternation(options);
        }

        private Node ParseSequence()
        {
            var items = new List<Node>();
            while (_at < pattern.Length && pattern[_at] is not '|' and not ')')
            {
                var atom = ParseAtom();
                items.Add(ParseQuantifier(atom));
            }

            return new Sequence(items);
        }

        private Node ParseQuantifier(Node atom)
        {
            if (_at >= pattern.Length)
            {
                return atom;
            }

            var symbol = pattern[_at];
            (int Min, int Max)? range = symbol switch
            {
                '?' => (0, 1),
                '*' => (0, 16),
                '+' => (1, 16),
                '{' => Braces(),
                _ => null,
            };
            if (range is null)
            {
                return atom;
            }

            if (symbol != '{')
            {
                _at++;   // Braces() has moved past its own "}"
            }

            if (_at < pattern.Length && pattern[_at] is '?' or '+')
            {
                _at++;   // lazy or possessive: the same strings
            }

            return atom is Anchor or Assertion ? atom : new Repeat(atom, range.Value.Min, range.Value.Max);
        }

        private (int, int)? Braces()
        {
            var close = pattern.IndexOf('}', _at);
            var match = close < 0 ? null : Regex.Match(pattern[_at..(close + 1)], @"^\{(\d+)(,(\d*))?\}$");
            if (match is not { Success: true })
            {
                return null;   // a literal "{"
            }

            _at = close + 1;
            var min = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var max = !match.Groups[2].Success ? min : match.Groups[3].Value.Length == 0 ? min + 16 : int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
            return (min, Math.Min(max, min + 64));
        }

        private Node ParseAtom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '^':
                    return new Anchor(true);
                case '$':
                    return new Anchor(false);
                case '.':
                    return new Literal(AllDigits);
                case '[':
                    return ParseClass();
                case '(':
                    return ParseGroup();
                case '\\':
                    return ParseEscape(inClass: false) is { } escaped ? escaped : new Assertion();
                case '*' or '+' or '?' or ')':
                    throw new FormatException();
                default:
                    return new Literal(c.ToString());
            }
        }

        private Node ParseGroup()
        {
            var assertion = false;
            if (_at < pattern.Length && pattern[_at] == '?')
            {
                var rest = pattern[_at..];
                if (rest.StartsWith("?:", StringComparison.Ordinal))
                {
                    _at += 2;
                }
                else if (rest.StartsWith("?=", StringComparison.Ordinal) || rest.StartsWith("?!", StringComparison.Ordinal))
                {
                    _at += 2;
                    assertion = true;
                }
                else if (rest.StartsWith("?<=", StringComparison.Ordinal) || rest.StartsWith("?<!", StringComparison.Ordinal))
                {
                    _at += 3;
                    assertion = true;
                }
                else if (Regex.Match(rest, @"^\?(<[A-Za-z]\w*>|'[A-Za-z]\w*')") is { Success: true } named)
                {
                    _at += named.Length;
                }
                else
                {
                    throw new FormatException();
                }
            }

            var inner = ParseAlternation();
            if (_at >= pattern.Length || pattern[_at] != ')')
            {
                throw new FormatException();
            }

            _at++;
            return assertion ? new Assertion() : inner;
        }

        private Literal ParseClass()
        {
            var negated = _at < pattern.Length && pattern[_at] == '^';
            if (negated)
            {
                _at++;
            }

            var members = new StringBuilder();
            var first = true;
            while (_at < pattern.Length && (pattern[_at] != ']' || first))
            {
                first = false;
                var c = pattern[_at++];
                string chars;
                if (c == '\\')
                {
                    chars = ParseEscape(inClass: true) is Literal l ? l.Choices : throw new FormatException();
                }
                else
                {
                    chars = c.ToString();
                }

                if (chars.Length == 1 && _at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] != ']')
                {
                    _at++;
                    var end = pattern[_at++];
                    if (end == '\\')
                    {
                        throw new FormatException();
                    }

                    for (var x = chars[0]; x <= end; x++)
                    {
                        members.Append(x);
                    }

                    continue;
                }

                members.Append(chars);
            }

            if (_at >= pattern.Length)
            {
                throw new FormatException();
            }

            _at++;
            var set = members.ToString();
            var allowed = negated ? new string((AllDigits + "+*#").Where(x => !set.Contains(x)).ToArray()) : set;
            return allowed.Length > 0 ? new Literal(allowed) : throw new FormatException();
        }

        /// <summary>The character(s) an escape stands for; null for an assertion (\b, \B, \A, \z).</summary>
        private Node? ParseEscape(bool inClass)
        {
            if (_at >= pattern.Length)
            {
                throw new FormatException();
            }

            var c = pattern[_at++];
            return c switch
            {
                'd' => new Literal(AllDigits),
                'D' or 'W' => new Literal("+"),
                'w' => new Literal(AllDigits),
                's' => new Literal(" "),
                'S' => new Literal(AllDigits),
                'b' or 'B' when !inClass => null,
                'A' when !inClass => new Anchor(true),
                'z' or 'Z' when !inClass => new Anchor(false),
                _ when char.IsLetterOrDigit(c) => throw new FormatException(),   // back-references, \p{…}, \u…: outside the subset
                _ => new Literal(c.ToString()),
            };
        }
    }
}
