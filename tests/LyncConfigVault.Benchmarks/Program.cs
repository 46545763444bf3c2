using System.Globalization;

namespace LyncConfigVault.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/LyncConfigVault.Benchmarks -- [store|normalize|diff|collect|lis|route|users|scale|speed|log|all] [objects] [runs]
/// Each suite prints its figures as ratios against anchors measured in the same run on the same data.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var suite = args.Length > 0 && !char.IsDigit(args[0][0]) ? args[0] : "all";
        var numbers = args.Where(a => char.IsDigit(a[0])).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var objects = numbers.Count > 0 ? numbers[0] : 20_000;
        var runs = numbers.Count > 1 ? numbers[1] : 5;
        Console.WriteLine($"LyncConfigVault benchmarks: {objects:N0} objects, median of {runs} runs, {Environment.ProcessorCount} cores");
        var work = Path.Combine(Path.GetTempPath(), $"lcv-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            if (suite is "normalize")
            {
                StoreBenchmark.NormalizeOnly(objects, runs, Folder(work, "normalize"));
            }

            if (suite is "store" or "all")
            {
                StoreBenchmark.Run(objects, runs, Folder(work, "store"));
            }

            if (suite is "diff" or "all")
            {
                DiffBenchmark.Run(objects, runs, Folder(work, "diff"));
            }

            if (suite is "collect" or "all")
            {
                CollectBenchmark.Run(runs, Folder(work, "collect"));
            }

            if (suite is "route" or "all")
            {
                RouteBenchmark.Run(objects, runs);
            }

            if (suite is "scale")
            {
                ScaleBenchmark.Run(numbers.Count > 0 ? objects : 100_000, Folder(work, "scale"));
            }

            if (suite is "speed")
            {
                SpeedBenchmark.Run(objects, Folder(work, "speed"));
            }

            if (suite is "users")
            {
                PersonalDataBenchmark.Run(objects, Folder(work, "users"));
            }

            if (suite is "lis" or "all")
            {
                LisBenchmark.Run(runs, Folder(work, "lis"));
            }

            if (suite is "log" or "all")
            {
                LogBenchmark.Run(objects, runs, Folder(work, "log"));
            }

            return 0;
        }
        finally
        {
            // LCV_BENCH_KEEP=1 leaves the vaults and exports behind, to profile one command on them afterwards.
            if (Environment.GetEnvironmentVariable("LCV_BENCH_KEEP") == "1")
            {
                Console.WriteLine($"kept {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string Folder(string work, string name) => Directory.CreateDirectory(Path.Combine(work, name)).FullName;
}
