using System.Diagnostics;
using LyncConfigVault.Formats;
using LyncConfigVault.Model;

namespace LyncConfigVault.Collect;

/// <summary>
/// Runs the exports of a plan one after another, each with its own time limit. A failure (an error,
/// a timeout, no file, a damaged file) is recorded with the cmdlet's own words and never stops the
/// other exports: the vault carries that part forward instead.
/// </summary>
/// <param name="now">When the run collects, as the archives lcv writes itself (Response Groups from objects) are dated.</param>
internal sealed class Collector(PowerShellHost host, TimeSpan timeout, Action<string> progress, DateTimeOffset now)
{
    public IReadOnlyList<ExportOutcome> Run(IReadOnlyList<ExportTask> plan)
    {
        var outcomes = new List<ExportOutcome>();
        for (var i = 0; i < plan.Count; i++)
        {
            var task = plan[i];
            progress($"[{i + 1}/{plan.Count}] {task.DisplayName} ({host.Name})");
            var clock = Stopwatch.StartNew();
            File.Delete(task.FileName);
            if (task.Delivery == ExportDelivery.RgsObjects)
            {
                var written = new List<string>();
                var failure = RgsObjectsArchive.Collect(host, task, timeout, now, written) ?? Verified(task);
                outcomes.Add(new ExportOutcome(task, failure, clock.Elapsed, written));
                continue;
            }

            var result = host.Invoke(task.Cmdlet, task.Parameters, timeout);
            var log = result.Verbose.Concat(result.Errors.Select(e => "error: " + e)).ToList();
            outcomes.Add(new ExportOutcome(task, Failure(task, result), clock.Elapsed, log));
        }

        return outcomes;
    }

    private string? Failure(ExportTask task, HostResult result)
    {
        if (result.TimedOut)
        {
            return $"did not finish within {timeout.TotalSeconds:0} s and was stopped";
        }

        if (result.Failure is { } failure)
        {
            return failure;
        }

        switch (task.Delivery)
        {
            case ExportDelivery.Bytes when result.Bytes is not { Length: > 0 }:
                return "returned no archive";
            case ExportDelivery.Bytes:
                File.WriteAllBytes(task.FileName, result.Bytes);
                break;
            case ExportDelivery.Text when string.IsNullOrWhiteSpace(result.Text):
                return "returned no text";
            case ExportDelivery.Text:
                File.WriteAllText(task.FileName, result.Text, new System.Text.UTF8Encoding(false));
                break;
            case ExportDelivery.Objects when result.Objects.Count == 0:
                return "returned no users";
            case ExportDelivery.Objects:
                File.WriteAllBytes(task.FileName, UserPolicyFile.Write(result.Objects));
                break;
        }

        return Verified(task);
    }

    private static string? Verified(ExportTask task)
    {
        if (!File.Exists(task.FileName) || new FileInfo(task.FileName).Length == 0)
        {
            return "reported success but wrote no file";
        }

        try
        {
            // A truncated or damaged archive is this export's failure, found before anything is stored.
            _ = ExportArchive.Open(task.FileName, ArchiveLimits.Default);
            return null;
        }
        catch (LcvException e)
        {
            return $"wrote a damaged file ({e.Message})";
        }
    }
}
