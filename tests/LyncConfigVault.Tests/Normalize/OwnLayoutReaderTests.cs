using LyncConfigVault.Model;
using LyncConfigVault.Normalize;

namespace LyncConfigVault.Tests.Normalize;

/// <summary>
/// The fast reader of lcv's own layout against YamlDotNet, the reader it stands in for: on every file it either
/// reads exactly what YamlDotNet reads, or declines. What it must read itself (the files lcv writes) it does.
/// </summary>
public sealed class OwnLayoutReaderTests
{
    [Fact]
    public void Every_tree_lcv_writes_is_read_by_the_fast_reader_as_YamlDotNet_reads_it()
    {
        var random = new Random(20261203);
        var declined = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var tree = RandomMap(random, depth: 0);
            var text = YamlText.Write(tree);

            var expected = YamlText.ReadAnyLayout(text, "tree.yaml");
            var fast = OwnLayoutReader.TryRead(text);

            Assert.Equal(YamlText.Write(expected), YamlText.Write(tree));   // the writer round-trips: the test's own premise
            if (fast is null)
            {
                declined++;
                continue;
            }

            Assert.Equal(YamlText.Write(expected), YamlText.Write(fast));
        }

        // Only text no vault holds (control characters, line separators, a value of spaces only) may send a tree to YamlDotNet.
        Assert.InRange(declined, 0, 400);
    }

    [Fact]
    public void Every_file_of_a_real_vault_is_read_by_the_fast_reader()
    {
        using var folder = new TempFolder();
        var files = LyncConfigVault.Simulation.SyntheticNights.WriteBackupFolders(folder.Path, LyncConfigVault.Simulation.SyntheticNights.Generate(3, 2, objects: 600, parts: LyncConfigVault.Simulation.SyntheticParts.All).Skip(1));
        var snapshot = new ExportSetReader(LyncConfigVault.Catalog.LyncCatalog.Default, TestData.Filter, TimeZoneInfo.Utc).Read(files, null);
        Assert.True(snapshot.Objects.Count > 600);
        foreach (var obj in snapshot.Objects.Values)
        {
            var (bytes, _) = ObjectFile.Write(obj.Content, LyncConfigVault.Catalog.LyncCatalog.Default);
            var text = System.Text.Encoding.UTF8.GetString(bytes);

            var fast = OwnLayoutReader.TryRead(text);

            Assert.True(fast is not null, $"declined {obj.Path}:\n{text}");
            Assert.Equal(YamlText.Write(YamlText.ReadAnyLayout(text, obj.Path)), YamlText.Write(fast));
        }
    }

    [Theory]
    [InlineData("Identity: Global # a comment\n")]
    [InlineData("# a comment\nIdentity: Global\n")]
    [InlineData("Identity: Global\nList: [a, b]\n")]
    [InlineData("Identity: Global\nMap: {a: 1}\n")]
    [InlineData("Identity: a\n  continued plain\n")]
    [InlineData("Identity: &x Global\nOther: *x\n")]
    [InlineData("Identity: !tag Global\n")]
    [InlineData("---\nIdentity: Global\n")]
    [InlineData("Identity: Global\n...\n")]
    [InlineData("Identity: Global")]
    [InlineData("Identity:\tGlobal\n")]
    [InlineData("Identity: Global\r\n")]
    [InlineData("Text: >\n  folded\n  lines\n")]
    [InlineData("Text: |2\n   indented\n")]
    [InlineData("Text: \"multi\n  line\"\n")]
    [InlineData("Text: 'multi\n  line'\n")]
    [InlineData("Text: \"\\x41\"\n")]
    [InlineData("Text: \"\\uD800\"\n")]
    [InlineData("Key:\nValue: 1\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("plain\n")]
    [InlineData("List:\n  - a\n  - b\n")]
    [InlineData("List:\n- a\n-  b\n")]
    [InlineData("Text: |\n  a\n   \n  b\n")]
    [InlineData("Map:\n    A: 1\n  B: 2\n")]
    [InlineData("A: 1\nA: 2\n")]
    public void Text_outside_the_layout_is_declined_or_read_as_YamlDotNet_reads_it(string text)
    {
        YMap? expected;
        try
        {
            expected = YamlText.ReadAnyLayout(text, "hand.yaml");
        }
        catch (Exception)
        {
            expected = null;   // YamlDotNet refuses it: the fast reader must not accept it either
        }

        YMap? fast;
        try
        {
            fast = OwnLayoutReader.TryRead(text);
        }
        catch (Exception) when (expected is null)
        {
            fast = null;
        }

        if (fast is not null)
        {
            Assert.NotNull(expected);
            Assert.Equal(YamlText.Write(expected), YamlText.Write(fast));
        }
    }

    private static readonly string[] Words = [.. YamlTextTests.Values, "Tag:VP-Dublin-Intl", "Dublin-Local", "^\\+353(\\d{9})$", "a'b", "say \"hi\"", "x\n\ny\n\n\n", "\nlead", "end\n\n", "a\n b", "k: v\n- x"];

    private static YMap RandomMap(Random random, int depth)
    {
        var map = new YMap();
        var count = random.Next(depth == 0 ? 1 : 0, 5);
        for (var i = 0; i < count; i++)
        {
            var key = random.Next(4) == 0 ? Words[random.Next(Words.Length)] : $"K{i}";
            if (map.Entries.Any(e => e.Key == key))
            {
                continue;
            }

            map.Add(key, RandomNode(random, depth + 1));
        }

        return map;
    }

    private static YNode RandomNode(Random random, int depth) => (depth > 3 ? 0 : random.Next(6)) switch
    {
        0 or 1 or 2 => new YScalar(Words[random.Next(Words.Length)]),
        3 => RandomMap(random, depth),
        _ => new YSeq(Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomNode(random, depth + 1)).ToList()),
    };
}
