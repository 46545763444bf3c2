using System.Text.RegularExpressions;

namespace LyncConfigVault.Tests.Architecture;

/// <summary>The folders of src/LyncConfigVault depend on each other one way, in pipeline order, as the README draws them.</summary>
public sealed partial class FolderDependencyTests
{
    // The README's developer section draws this order; a folder may use only folders before it.
    private static readonly string[] Order =
        ["Model", "Catalog", "Formats", "Credentials", "Collect", "Normalize", "Vault", "Diff", "Report", "Notify", "Restore", "Insight", "Inspect", "Simulation", "Runs", "Cli"];

    [Fact]
    public void Every_folder_uses_only_the_folders_before_it()
    {
        var source = Path.Combine(TestData.RepositoryRoot(), "src", "LyncConfigVault");
        var folders = Directory.EnumerateDirectories(source).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        Assert.Equal(Order.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));

        var wrongWay = new List<string>();
        foreach (var folder in Order)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match use in UsingLine().Matches(File.ReadAllText(file)))
                {
                    var used = use.Groups[1].Value;
                    if (used != folder && Array.IndexOf(Order, used) > Array.IndexOf(Order, folder))
                    {
                        wrongWay.Add($"{Path.GetRelativePath(source, file)} uses {used}");
                    }
                }
            }
        }

        Assert.Empty(wrongWay);
    }

    [GeneratedRegex(@"^using LyncConfigVault\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
