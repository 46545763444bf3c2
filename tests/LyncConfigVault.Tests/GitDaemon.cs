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
        Git(_folder.Path, "init", "--bare", "-q", "remote.git");
        (Port, _daemon) = LoopbackPorts.Start(port =>
        {
            var daemon = Start(port);
            if (Serves(daemon, port))
            {
                return Tuple.Create(port, daemon);
            }

            daemon.Kill(entireProcessTree: true);
            daemon.Dispose();
            return null;   // another test took the port first
        });
    }

    public int Port { get; }

    public string Url => $"git://127.0.0.1:{Port}/remote.git";

    public string BareRepository => Path.Combine(_folder.Path, "remote.git");

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

    private Process Start(int port)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "daemon", "--export-all", "--enable=receive-pack", $"--base-path={_folder.Path}", "--listen=127.0.0.1", $"--port={port}", "--reuseaddr" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>
    /// Waits until the daemon answers on its port; false when it exited first (the port was taken) or when
    /// what answers is another test's server: only this daemon serves the marker repository of its folder.
    /// </summary>
    private bool Serves(Process daemon, int port)
    {
        var marker = $"marker-{Guid.NewGuid():N}.git";
        Git(_folder.Path, "init", "--bare", "-q", marker);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20) && !daemon.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                var probe = new ProcessStartInfo("git", ["ls-remote", $"git://127.0.0.1:{port}/{marker}"]) { RedirectStandardError = true, RedirectStandardOutput = true };
                using var lsRemote = Process.Start(probe)!;
                lsRemote.StandardOutput.ReadToEnd();
                lsRemote.StandardError.ReadToEnd();
                lsRemote.WaitForExit();
                return lsRemote.ExitCode == 0;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        return false;
    }
}
