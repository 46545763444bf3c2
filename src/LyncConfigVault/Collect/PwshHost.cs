using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace LyncConfigVault.Collect;

/// <summary>
/// A PowerShell process as the runspace server (Runner.ps1): pwsh here, Windows PowerShell 3.0 to 5.1 on a
/// Lync server. Requests and answers are UTF-8 JSON lines, parameters are splatted, never pasted into script
/// text. A call past its time limit kills the process; the next call starts a fresh one. The first start
/// loads the first of <paramref name="modules"/> that loads, and when none does the host fails once, naming them.
/// </summary>
internal sealed class PwshHost(string executable, IReadOnlyList<string> modules) : PowerShellHost
{
    private const string AnswerPrefix = "LCV:";
    private const string ReadyPrefix = "LCV-READY:";
    private const string FatalPrefix = "LCV-FATAL:";
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public PwshHost(string executable, string module)
        : this(executable, [module])
    {
    }

    private readonly string _runner = WriteRunner();
    private readonly StringBuilder _stderr = new();
    private Process? _process;

    public override string Name => Path.GetFileNameWithoutExtension(executable);

    /// <summary>The module that loaded, once the process has started.</summary>
    public string? Module { get; private set; }

    /// <summary>Starts the process now, so a module that does not load fails the host, not every export in turn.</summary>
    public PwshHost Started()
    {
        _process ??= Start();
        return this;
    }

    public override HostResult Invoke(string command, IReadOnlyDictionary<string, object> parameters, TimeSpan timeout, bool asCliXml = false)
    {
        var process = _process ??= Start();
        var request = JsonSerializer.Serialize(new Dictionary<string, object> { ["command"] = command, ["parameters"] = parameters, ["clixml"] = asCliXml });
        process.StandardInput.WriteLine(request);
        process.StandardInput.Flush();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var read = process.StandardOutput.ReadLineAsync();
            if (!read.Wait(timeout - deadline.Elapsed > TimeSpan.Zero ? timeout - deadline.Elapsed : TimeSpan.Zero))
            {
                Stop();
                return new HostResult([], [], [], null, TimedOut: true);
            }

            if (read.Result is null)
            {
                var error = _stderr.ToString().Trim();
                Stop();
                return new HostResult([], [], [], $"{Name} ended unexpectedly{(error.Length > 0 ? ": " + error : "")}", false);
            }

            if (read.Result.StartsWith(AnswerPrefix, StringComparison.Ordinal))
            {
                return Parse(read.Result[AnswerPrefix.Length..]);
            }
        }
    }

    public override void Dispose()
    {
        Stop();
        File.Delete(_runner);
    }

    private Process Start()
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardInputEncoding = Utf8,
        };
        foreach (var argument in new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", _runner, "-Modules", string.Join('|', modules) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";   // error text without ANSI colours (STACK.md §2b)
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Model.LcvException.Environment($"PowerShell could not be started ({executable}: {e.Message}). Install it, or choose another --host.", e);
        }

        _stderr.Clear();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"{Name} did not load {string.Join(" or ", modules)} within 2 minutes");
        }

        var first = ready.Result;
        if (first is not null && first.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            Module = first[ReadyPrefix.Length..];
            return process;
        }

        var why = first is not null && first.StartsWith(FatalPrefix, StringComparison.Ordinal) ? first[FatalPrefix.Length..] : $"{Name} ended before it was ready: {_stderr.ToString().Trim()}";
        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new InvalidOperationException($"none of the modules tried loads: {why}");
    }

    private void Stop()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            finally
            {
                process.Dispose();
                _process = null;
            }
        }
    }

    private static HostResult Parse(string json)
    {
        using var answer = JsonDocument.Parse(json);
        var root = answer.RootElement;
        static List<string> Texts(JsonElement element) =>
            element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.ToString()).ToList()
            : element.ValueKind == JsonValueKind.Null ? [] : [element.ToString()];
        var objects = root.GetProperty("objects");
        var rows = (objects.ValueKind == JsonValueKind.Array ? objects.EnumerateArray() : Enumerable.Repeat(objects, objects.ValueKind == JsonValueKind.Object ? 1 : 0))
            .Select(o => (IReadOnlyDictionary<string, string>)o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()))
            .ToList();
        var terminating = root.GetProperty("terminating");
        var text = root.GetProperty("text");
        var bytes = root.GetProperty("bytes");
        var clixml = root.TryGetProperty("clixml", out var serialized) && serialized.ValueKind == JsonValueKind.String ? serialized.GetString() : null;
        return new HostResult(rows, Texts(root.GetProperty("errors")), Texts(root.GetProperty("verbose")), terminating.ValueKind == JsonValueKind.Null ? null : terminating.GetString(), false)
        {
            Text = text.ValueKind == JsonValueKind.String ? text.GetString() : null,
            Bytes = bytes.ValueKind == JsonValueKind.String ? Convert.FromBase64String(bytes.GetString()!) : null,
            CliXml = clixml,
        };
    }

    private static string WriteRunner()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("collect/Runner.ps1")
            ?? throw new InvalidOperationException("Runner.ps1 is not built into lcv");
        var path = Path.Combine(Path.GetTempPath(), $"lcv-runner-{Environment.ProcessId}-{Guid.NewGuid():N}.ps1");
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }
}
