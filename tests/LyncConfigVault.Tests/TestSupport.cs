using System.Xml.Linq;
using LyncConfigVault.Catalog;
using LyncConfigVault.Model;
using LyncConfigVault.Normalize;
using LyncConfigVault.Restore;
using Spectre.Console.Testing;

namespace LyncConfigVault.Tests;

/// <summary>
/// A folder under the system temp folder, deleted after the test. Every Git repository a test left in it
/// (a vault, a remote) must pass git fsck --full first: whatever a test did, lcv never corrupts one.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lcv-test-" + Guid.NewGuid().ToString("N")[..12]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        CheckRepositories();
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                System.IO.File.SetAttributes(file, FileAttributes.Normal);   // git marks pack files read-only
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void CheckRepositories()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        var repositories = Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories)
            .Where(d => System.IO.File.Exists(System.IO.Path.Combine(d, "HEAD")) && Directory.Exists(System.IO.Path.Combine(d, "objects")));
        foreach (var repository in repositories)
        {
            var fsck = new System.Diagnostics.ProcessStartInfo("git", ["--git-dir", repository, "fsck", "--full", "--no-dangling", "--no-progress"]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var git = System.Diagnostics.Process.Start(fsck)!;
            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, $"git fsck --full of {repository}: {output}{errors.Result}");
        }
    }
}

/// <summary>What one lcv invocation printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);

internal static class TestData
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Data", relative);

    /// <summary>
    /// Compares output with a reviewed file in Data/. LCV_ACCEPT=1 writes the output into the source
    /// tree instead, for a person to review in the diff of the commit.
    /// </summary>
    public static void AssertGolden(string relative, string actual)
    {
        if (Environment.GetEnvironmentVariable("LCV_ACCEPT") == "1")
        {
            var source = System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "../../../Data", relative));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(source)!);
            System.IO.File.WriteAllText(source, actual);
            return;
        }

        var expected = System.IO.File.ReadAllText(Path(relative));
        if (expected != actual)
        {
            var diff = DiffPlex.DiffBuilder.InlineDiffBuilder.Diff(expected, actual).Lines
                .Where(l => l.Type != DiffPlex.DiffBuilder.Model.ChangeType.Unchanged)
                .Select(l => (l.Type == DiffPlex.DiffBuilder.Model.ChangeType.Inserted ? "+ " : "- ") + l.Text);
            Assert.Fail($"{relative} differs (LCV_ACCEPT=1 rewrites it):\n{string.Join('\n', diff)}");
        }
    }

    public static XDocument Xml(string relative) => XDocument.Load(Path(relative));

    /// <summary>
    /// When an admin edits the vault by hand in these tests: later than every generated export, as an edit made
    /// today is later than last night's backup. A fixed time, so no test reads the wall clock.
    /// </summary>
    public static readonly DateTimeOffset AdminEditTime = new(2030, 6, 3, 9, 30, 0, TimeSpan.Zero);

    public static CliResult Lcv(params string[] args) => LcvAt(TimeProvider.System, args);

    /// <summary>lcv run with the clock a test sets (a FakeTimeProvider): "now" for run records, settings commits and digests.</summary>
    public static CliResult LcvAt(TimeProvider clock, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 4096;   // as Program.Main sets it for redirected output
        var error = new StringWriter();
        var code = Program.Run(args, console, error, clock);
        return new CliResult(code, console.Output, error.ToString());
    }

    public static NoiseFilter Filter => NoiseFilter.FromCatalog(LyncCatalog.Default);

    /// <summary>Normalizes a DocItemSet the way ingest does.</summary>
    public static List<LyncObject> NormalizeCms(byte[] docItemSet) =>
        new CmsNormalizer(LyncCatalog.Default, Filter).Normalize(docItemSet, "DocItemSet.xml", "DocItemSet.xml");

    /// <summary>Objects → YAML text → objects again → the DocItemSet they describe.</summary>
    public static XDocument RebuildThroughYaml(IEnumerable<LyncObject> objects) =>
        new ExportRebuilder(LyncCatalog.Default).DocItemSet(objects.Select(o => YamlText.Read(YamlText.Write(o.Content), o.Path)));

    public static readonly IReadOnlySet<string> UnorderedEnvelope = new HashSet<string> { "DocItemSet", "Dictionary" };

    public static string Canonical(XDocument document) => CanonicalXml.Of(document.Root!, UnorderedEnvelope);

    /// <summary>The clone the tests run from: the folder holding LyncConfigVault.sln above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Combine(folder, "LyncConfigVault.sln")))
        {
            folder = System.IO.Path.GetDirectoryName(System.IO.Path.TrimEndingDirectorySeparator(folder)) ?? throw new InvalidOperationException("no LyncConfigVault.sln above the test folder");
        }

        return folder;
    }
}
