using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LyncConfigVault.Tests;

/// <summary>A real git daemon on 127.0.0.1 serving one bare repository that accepts pushes; stopped after the test.</summary>
internal sealed class GitDaemon : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Process _daemon;

    public GitDaemon()
    {
        Port = FreePort();
        Git(_folder.Path, "init", "--bare", "-q", "remote.git");
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "daemon", "--export-all", "--enable=receive-pack", $"--base-path={_folder.Path}", "--listen=127.0.0.1", $"--port={Port}", "--reuseaddr" })
        {
            start.ArgumentList.Add(argument);
        }

        _daemon = Process.Start(start)!;
        WaitUntilListening();
    }

    public int Port { get; }

    public string Url => $"git://127.0.0.1:{Port}/remote.git";

    public string BareRepository => Path.Combine(_folder.Path, "remote.git");

    /// <summary>A port nothing listens on (taken, then released), for a remote that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
        return output;
    }

    /// <summary>The commit id a name stands for in a repository (git rev-parse).</summary>
    public static string RevParse(string repository, string name) => Git(repository, "rev-parse", name).Trim();

    public void Dispose()
    {
        _daemon.Kill(entireProcessTree: true);
        _daemon.WaitForExit(10_000);
        _daemon.Dispose();
        _folder.Dispose();
    }

    private void WaitUntilListening()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"git daemon did not listen on {Port}");
    }
}
