using System.Diagnostics;
using System.Xml;

namespace LyncConfigVault.Benchmarks;

/// <summary>Timing and printing: every figure is printed beside its ratio to an anchor measured in the same run.</summary>
internal static class Measure
{
    public static void BareXmlReaderPass(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.HasAttributes)
            {
                while (reader.MoveToNextAttribute())
                {
                }
            }
        }
    }

    public static TimeSpan Median(int runs, Action action)
    {
        action();   // warm-up: JIT and caches
        var times = Enumerable.Range(0, runs).Select(_ => Time(action)).Order().ToList();
        return times[times.Count / 2];
    }

    public static TimeSpan Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }

    public static void Figure(string what, TimeSpan time, TimeSpan anchor, double? target = null, double? absoluteTargetSeconds = null)
    {
        var ratio = time.TotalMilliseconds / anchor.TotalMilliseconds;
        var verdict = target is { } t ? (ratio <= t ? $"  (target ≤ {t}×: met)" : $"  (target ≤ {t}×: NOT met)") : "";
        if (absoluteTargetSeconds is { } s)
        {
            verdict = time.TotalSeconds <= s ? $"  (target ≤ {s} s: met)" : $"  (target ≤ {s} s: NOT met)";
        }

        Console.WriteLine($"{what,-58} {time.TotalMilliseconds,9:N0} ms  {ratio,6:F2}×{verdict}");
    }

    /// <summary>A child lcv's time against its anchor and target, and its peak memory against the memory target.</summary>
    public static void ReportChild(string what, (TimeSpan Time, long PeakMb) run, TimeSpan anchor, long memoryTargetMb, double? ratio = null, double? seconds = null)
    {
        Figure(what, run.Time, anchor, target: ratio, absoluteTargetSeconds: seconds);
        var verdict = run.PeakMb <= memoryTargetMb ? "met" : "NOT met";
        Console.WriteLine($"{"   peak memory of that lcv process",-58} {run.PeakMb,9:N0} MB  (target ≤ {memoryTargetMb} MB: {verdict})");
    }

    /// <summary>Runs a bash command line; its exit code (diff tools exit 1 on differences).</summary>
    public static int Shell(string folder, string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { WorkingDirectory = folder, UseShellExecute = false })!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Prints how many times faster lcv was than a tool doing the same job.</summary>
    public static void Faster(string what, TimeSpan lcv, TimeSpan tool, double atLeast)
    {
        var times = tool.TotalMilliseconds / lcv.TotalMilliseconds;
        var verdict = times >= atLeast ? "met" : "NOT met";
        Console.WriteLine($"{what,-58} {times,9:F1}× faster  (target ≥ {atLeast}×: {verdict})");
    }

    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// lcv as the dotnet tool ships it: the tool package holds this publish (ReadyToRun, for this platform), not
    /// the build output beside the benchmarks, whose every method the JIT compiles at first call. Published once per run.
    /// </summary>
    private static readonly Lazy<string> ShippedLcv = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lcv-bench-tool-{Environment.ProcessId}");
        var project = Path.Combine(RepositoryRoot(), "src", "LyncConfigVault");
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        Console.WriteLine($"publishing lcv as the tool package holds it ({rid}, ReadyToRun) ...");
        if (Shell(Path.GetTempPath(), $"dotnet publish '{project}' -c Release -r {rid} --self-contained false -o '{folder}' > '{folder}.log' 2>&1") != 0)
        {
            throw new InvalidOperationException($"publishing lcv failed: see {folder}.log");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Directory.Delete(folder, recursive: true);
            File.Delete($"{folder}.log");
        };
        return Path.Combine(folder, "lcv.dll");
    });

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "LyncConfigVault.sln")))
        {
            folder = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder)) ?? throw new InvalidOperationException("no LyncConfigVault.sln above the benchmarks");
        }

        return folder;
    }

    /// <summary>Runs lcv in a process of its own; its time and peak resident memory (polled, as /proc keeps it only while it runs). Exit 0 or 1 (differences found) is success.</summary>
    public static (TimeSpan Time, long PeakMb) Child(string work, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ShippedLcv.Value);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break;   // exited between the two calls
            }
        }

        if (process.ExitCode is not (0 or 1))   // 1: lcv diff found differences
        {
            throw new InvalidOperationException($"lcv {string.Join(' ', args)} failed: {error.Result}{output.Result}");
        }

        return (clock.Elapsed, peak / (1024 * 1024));
    }
}
