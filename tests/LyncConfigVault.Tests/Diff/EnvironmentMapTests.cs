using System.IO.Compression;
using System.Text;

namespace LyncConfigVault.Tests.Diff;

/// <summary>lcv diff A B --map: a lab built as a renamed copy of production compares object by object.</summary>
public sealed class EnvironmentMapTests : IDisposable
{
    private const string Map = """
        # lab → production
        renames:
          - from: contoso-lab.local      # the lab's SIP domain and FQDNs
            to: fabrikam.com
          - from: LabDublin
            to: Dublin
          - regex: '^(Tag:)?LAB-VP-'     # the lab's per-user voice policies carry a prefix
            to: '$1VP-'
        """;

    private readonly TempFolder _folder = new();
    private readonly string _production;

    public EnvironmentMapTests()
    {
        var fixture = new VaultFixture(nights: 1);
        _production = _folder.File("production.zip");
        File.Copy(fixture.Files[0], _production);
        fixture.Dispose();
        File.WriteAllText(_folder.File("lab-to-prod.yaml"), Map);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The same deployment under the lab's names: every site, FQDN, domain and policy name rewritten in the export itself.</summary>
    private string Lab(Func<string, string>? alsoChange = null)
    {
        var lab = _folder.File($"lab-{Guid.NewGuid():N}.zip");
        using var input = ZipFile.OpenRead(_production);
        using var output = ZipFile.Open(lab, ZipArchiveMode.Create);
        foreach (var entry in input.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var text = reader.ReadToEnd().Replace("fabrikam.com", "contoso-lab.local", StringComparison.Ordinal).Replace("Dublin", "LabDublin", StringComparison.Ordinal)
                .Replace("\"VP-", "\"LAB-VP-", StringComparison.Ordinal).Replace(":VP-", ":LAB-VP-", StringComparison.Ordinal);
            using var writer = new StreamWriter(output.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
            writer.Write(alsoChange?.Invoke(text) ?? text);
        }

        return lab;
    }

    private CliResult Diff(string lab, params string[] more) =>
        TestData.Lcv(["diff", _production, lab, "--vault", _folder.File("no-vault"), .. more]);

    [Fact]
    public void Without_the_map_every_renamed_object_differs_and_with_it_the_two_copies_are_equal()
    {
        var lab = Lab();

        var unmapped = Diff(lab);
        var mapped = Diff(lab, "--map", _folder.File("lab-to-prod.yaml"));

        Assert.Equal(1, unmapped.ExitCode);
        Assert.Contains("renamed", unmapped.Output);
        Assert.Equal(0, mapped.ExitCode);
        Assert.StartsWith("No differences", mapped.Output);
    }

    [Fact]
    public void A_real_difference_between_lab_and_production_remains_and_is_named_in_production_terms()
    {
        var lab = Lab(text => text.Replace("Name=\"LabDublin-Local\" Pattern=\"^([2-9]\\d{6,7})$\"", "Name=\"LabDublin-Local\" Pattern=\"^([2-9]\\d{6,8})$\"", StringComparison.Ordinal));

        var result = Diff(lab, "--map", _folder.File("lab-to-prod.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("1 object differs: 1 modified", result.Output);
        Assert.Contains("~ DialPlan Site:Dublin", result.Output);
        Assert.Contains(@"NormalizationRules[Name=Dublin-Local].Pattern  ^([2-9]\d{6,7})$ → ^([2-9]\d{6,8})$", result.Output);
    }

    [Fact]
    public void A_map_with_a_broken_regex_is_one_line_naming_the_file_and_exit_2()
    {
        File.WriteAllText(_folder.File("broken.yaml"), "renames:\n  - regex: '^(LAB'\n    to: ''\n");

        var result = Diff(Lab(), "--map", _folder.File("broken.yaml"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"lcv: {_folder.File("broken.yaml")}: rename 1: '^(LAB' is not a valid regular expression", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
