using System.Diagnostics;

namespace LyncConfigVault.Tests.Report;

/// <summary>
/// Debian's chromium, run headless on a file: its DOM after rendering, or a screenshot. .ci/run
/// installs it when missing; a machine without it fails here with that instruction, not silently.
/// </summary>
internal static class HeadlessChromium
{
    public static string Executable =>
        new[] { Environment.GetEnvironmentVariable("LCV_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => p is not null && File.Exists(p))
        ?? throw new InvalidOperationException("Chromium is not installed: run .ci/run once, or apt-get install chromium.");

    public static string DumpDom(string htmlFile) => Run(htmlFile, "--dump-dom").Output;

    /// <summary>The DOM after rendering in a window <paramref name="width"/> pixels wide (scripts a test added have run).</summary>
    public static string DumpDom(string htmlFile, int width) => Run(htmlFile, "--dump-dom", $"--window-size={width},1000").Output;

    /// <summary>The page printed to PDF, as Chromium lays it out on paper (@page decides the size).</summary>
    public static void PrintToPdf(string htmlFile, string pdfFile) => Run(htmlFile, $"--print-to-pdf={pdfFile}", "--no-pdf-header-footer");

    public static void Screenshot(string htmlFile, string pngFile) => Run(htmlFile, $"--screenshot={pngFile}", "--window-size=1280,2400");

    private static (string Output, string Error) Run(string htmlFile, params string[] arguments)
    {
        using var profile = new TempFolder();
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.Path}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(new Uri(htmlFile).AbsoluteUri);
        start.Environment["HOME"] = profile.Path;   // chromium writes ~/.cache/dconf even with --user-data-dir
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 60 s");
        }

        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {error.Result}");
        return (output, error.Result);
    }
}
