using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using YamlDotNet.RepresentationModel;

namespace LyncConfigVault.Tests.Normalize;

public sealed class YamlTextTests
{
    public static TheoryData<string> TrickyValues => new(Values);

    internal static readonly string[] Values =
    [
        "+14255550100", "010", "0", "-5", "1.0", "1e3", "0x1F", "0b101", "1_000", ".inf", "-.inf", ".nan", "12:30", "1:20:30",
        "true", "false", "True", "FALSE", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "", " ", "  lead", "trail  ",
        "2024-01-01", "2024-1-1 10:00", "*alias", "&anchor", "!tag", "#comment", "a #b", "a: b", "a:", "- x", "? x", "[x]", "{x}",
        "|", ">", "%", "@x", "`x", "'quoted'", "\"double\"", "line1\nline2", "line1\nline2\n", "crlf\r\nline", "\ttab", "tab\tinside",
        "^\\+44(\\d{9})$", "sip:ann.lee@contoso.co.uk", "Service:PstnGateway:10.0.0.5", "C:\\path\\file.wav", "ünïcödé – dash", "=", "<<",
        "\u0001control", "\u2028sep", "emoji \U0001F600", "_x000D__x000A_",
    ];

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void Every_value_reads_back_as_the_same_text(string value)
    {
        var yaml = YamlText.Write(new YMap().Add("Value", value));

        var read = YamlText.Read(yaml, "test.yaml");

        Assert.Equal(value, read.Text("Value"));
    }

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void A_value_is_plain_only_when_no_yaml_reader_could_take_it_for_another_type(string value)
    {
        var yaml = YamlText.Write(new YMap().Add("Value", value));
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));

        var scalar = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("Value")];

        var plain = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
        var typed = value is "true" or "false" || System.Text.RegularExpressions.Regex.IsMatch(value, "^(0|-?[1-9][0-9]*)$");
        var looksTyped = System.Text.RegularExpressions.Regex.IsMatch(value, @"^([-+]?[0-9._:]+([eE][-+]?[0-9]+)?|0[xXbBoO].*|[-+]?\.(inf|nan|Inf|NaN|INF|NAN)|y|n|yes|no|on|off|true|false|null|~|)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.True(!plain || typed || !looksTyped, $"'{value}' was written plain: {yaml}");
        Assert.Equal(value, scalar.Value);
    }

    [Fact]
    public void Output_is_lf_only_and_byte_identical_on_every_write()
    {
        var map = new YMap().Add("Identity", "Tag:Intl").Add("Text", "a\nb\n").Add("List", new YSeq([new YScalar("x"), new YScalar("010")]));

        var first = YamlText.WriteBytes(map);
        var second = YamlText.WriteBytes(map);

        Assert.Equal(first, second);
        Assert.DoesNotContain((byte)'\r', first);
        Assert.False(first.Length >= 3 && first[0] == 0xEF, "no BOM");
        Assert.StartsWith("Identity: Tag:Intl\n", System.Text.Encoding.UTF8.GetString(first));
    }
}

public sealed class YamlTextTreeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_trees_of_maps_lists_and_tricky_values_read_back_unchanged(int seed)
    {
        var random = new Random(seed);
        var values = YamlTextTests.Values.ToList();
        for (var i = 0; i < 200; i++)
        {
            var tree = (YMap)RandomNode(random, values, depth: 0, map: true);

            var yaml = YamlText.Write(tree);

            Assert.Equal(yaml, YamlText.Write(YamlText.Read(yaml, "t.yaml")));
        }
    }

    private static YNode RandomNode(Random random, List<string> values, int depth, bool map = false)
    {
        var kind = map ? 0 : depth > 3 ? 2 : random.Next(3);
        switch (kind)
        {
            case 0:
                var result = new YMap();
                for (var i = random.Next(0, 4); i >= 0; i--)
                {
                    result.Add(values[random.Next(values.Count)] + i, RandomNode(random, values, depth + 1));
                }

                return result;
            case 1:
                return new YSeq(Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomNode(random, values, depth + 1)));
            default:
                return new YScalar(values[random.Next(values.Count)]);
        }
    }
}

public sealed class YamlNestedValueTests
{
    [Theory]
    [InlineData("desc\n")]
    [InlineData("desc\n\n")]
    [InlineData("\n")]
    [InlineData(" lead\n")]
    [InlineData("\tx\n")]
    [InlineData("a\r\n")]
    [InlineData("two\nlines\n")]
    [InlineData("  indented\nnext\n")]
    public void A_value_in_a_list_of_maps_reads_back_byte_for_byte(string value)
    {
        var yaml = YamlText.Write(new YMap().Add("Rules", new YSeq([new YMap().Add("Name", "r").Add("Description", value)])).Add("Description", value));

        var read = YamlText.Read(yaml, "test.yaml");

        Assert.Equal(value, ((YMap)((YSeq)read["Rules"]!).Items[0]).Text("Description"));
        Assert.Equal(value, read.Text("Description"));
    }
}
