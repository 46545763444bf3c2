using System.Diagnostics;
using System.Text;
using LyncConfigVault.Vault;

namespace LyncConfigVault.Notify;

/// <summary>
/// Sends a run's event to every notifier that wants it. A notifier that fails (a webhook that times
/// out, a hook that exits non-zero) is reported as a warning and never fails the run.
/// </summary>
/// <param name="resolve">What a configured target stands for (a webhook's secret:NAME → its address).</param>
internal sealed class Notifiers(IReadOnlyList<NotifierSettings> settings, Action<string> warn, Func<string, string> resolve)
{
    private static readonly HttpClient Http = new();

    /// <param name="reportPath">The HTML report of the change, for exec hooks (LCV_REPORT); null when there is none.</param>
    public void Send(RunEvent run, string? reportPath)
    {
        foreach (var notifier in settings.Where(n => n.Events.Contains(run.Kind)))
        {
            var failure = notifier.Kind switch
            {
                NotifierKind.Webhook => Post(notifier, run, resolve),
                NotifierKind.Mail => MailNotifier.Send(notifier, run),
                _ => Execute(notifier, run, reportPath),
            };
            if (failure is not null)
            {
                warn($"the {notifier.Kind.Word()} notifier {notifier.Target} was not told of '{run.Name}': {failure}");
            }
        }
    }

    private static string? Post(NotifierSettings notifier, RunEvent run, Func<string, string> resolve)
    {
        var body = notifier.Format == WebhookFormat.Teams ? EventPayload.Teams(run) : EventPayload.Json(run);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(notifier.TimeoutSeconds));
            using var response = Http.PostAsync(resolve(notifier.Target), new StringContent(body, Encoding.UTF8, "application/json"), timeout.Token).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? null : $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (TaskCanceledException)
        {
            return $"no answer within {notifier.TimeoutSeconds} s";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (Model.LcvException e)
        {
            return e.Message;   // a secret this machine does not hold
        }
    }

    private static string? Execute(NotifierSettings notifier, RunEvent run, string? reportPath)
    {
        var start = new ProcessStartInfo(notifier.Target) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["LCV_EVENT"] = run.Name;
        start.Environment["LCV_VAULT"] = run.Vault;
        start.Environment["LCV_COMMIT"] = run.Commit ?? "";
        start.Environment["LCV_SUMMARY"] = run.Summary;
        start.Environment["LCV_REPORT"] = reportPath ?? "";
        try
        {
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();   // drained, so a chatty hook cannot block on a full pipe
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(notifier.TimeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                return $"still running after {notifier.TimeoutSeconds} s, stopped";
            }

            return process.ExitCode == 0 ? null : $"exited with {process.ExitCode}: {error.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}
