using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LyncConfigVault.Tests;

/// <summary>
/// A real Git smart-HTTP server on loopback: git http-backend (CGI) behind a small HTTP/1.1 listener
/// that asks for one account with Basic authentication, as a hosted Git server does. It reads each
/// request body whole before answering (a refused push must not break the client's pipe).
/// </summary>
internal sealed class GitHttpServer : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TcpListener _listener;
    private readonly Task _loop;
    private readonly string _account;

    public GitHttpServer(string user, string password)
    {
        _account = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        GitDaemon.Git(_folder.Path, "init", "-q", "--bare", "-b", "main", "vault.git");
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/vault.git";
        _loop = Task.Run(Serve);
    }

    public string Url { get; }

    public string BareRepository => Path.Combine(_folder.Path, "vault.git");

    /// <summary>Requests answered 401 because they carried no account, or the wrong one.</summary>
    public int Challenged { get; private set; }

    public void Dispose()
    {
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _folder.Dispose();
    }

    private async Task Serve()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => Connection(client));
        }
    }

    private async Task Connection(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                while (await ReadRequest(stream) is { } request)
                {
                    var (status, headers, body) = request.Headers.GetValueOrDefault("authorization") == $"Basic {_account}"
                        ? await Backend(request)
                        : Challenge();
                    var head = new StringBuilder($"HTTP/1.1 {status}\r\n");
                    foreach (var (name, value) in headers)
                    {
                        head.Append(name).Append(": ").Append(value).Append("\r\n");
                    }

                    head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
                    await stream.WriteAsync(body);
                }
            }
            catch (IOException)
            {
                // the client went away
            }
        }
    }

    private (string, List<(string, string)>, byte[]) Challenge()
    {
        Challenged++;
        return ("401 Unauthorized", [("WWW-Authenticate", "Basic realm=\"lcv test\"")], []);
    }

    private sealed record Request(string Method, string Target, Dictionary<string, string> Headers, byte[] Body);

    private static async Task<Request?> ReadRequest(NetworkStream stream)
    {
        var lines = new List<string>();
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                var text = Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    break;
                }

                lines.Add(text);
            }
            else
            {
                line.Add(one[0]);
            }
        }

        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        using var body = new MemoryStream();
        if (headers.TryGetValue("content-length", out var length))
        {
            var buffer = new byte[int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)];
            await stream.ReadExactlyAsync(buffer);
            body.Write(buffer);
        }
        else if (headers.GetValueOrDefault("transfer-encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            while (true)
            {
                var size = Convert.ToInt32((await ReadLine(stream)).Split(';')[0], 16);
                if (size == 0)
                {
                    await ReadLine(stream);
                    break;
                }

                var chunk = new byte[size];
                await stream.ReadExactlyAsync(chunk);
                body.Write(chunk);
                await ReadLine(stream);
            }
        }

        return new Request(parts[0], parts[1], headers, body.ToArray());
    }

    private static async Task<string> ReadLine(NetworkStream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) > 0 && one[0] != '\n')
        {
            line.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
    }

    private async Task<(string, List<(string, string)>, byte[])> Backend(Request request)
    {
        var query = request.Target.IndexOf('?');
        var start = new ProcessStartInfo("git", "http-backend") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["GIT_PROJECT_ROOT"] = _folder.Path;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["REQUEST_METHOD"] = request.Method;
        start.Environment["PATH_INFO"] = query < 0 ? request.Target : request.Target[..query];
        start.Environment["QUERY_STRING"] = query < 0 ? "" : request.Target[(query + 1)..];
        start.Environment["CONTENT_TYPE"] = request.Headers.GetValueOrDefault("content-type") ?? "";
        start.Environment["CONTENT_LENGTH"] = request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["REMOTE_USER"] = "lcv";
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        if (request.Headers.GetValueOrDefault("content-encoding") is { } encoding)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }

        using var git = Process.Start(start)!;
        var write = git.StandardInput.BaseStream.WriteAsync(request.Body).AsTask().ContinueWith(_ => git.StandardInput.Close());
        using var output = new MemoryStream();
        await git.StandardOutput.BaseStream.CopyToAsync(output);
        await write;
        await git.WaitForExitAsync();

        // CGI: header lines, a blank line, then the body.
        var bytes = output.ToArray();
        var text = Encoding.ASCII.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var crlf and >= 0 ? (crlf, 4) : (text.IndexOf("\n\n", StringComparison.Ordinal), 2);
        var status = "200 OK";
        var headers = new List<(string, string)>();
        foreach (var header in text[..end.Item1].Split('\n').Select(h => h.TrimEnd('\r')).Where(h => h.Length > 0))
        {
            var colon = header.IndexOf(':');
            var (name, value) = (header[..colon], header[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                status = value;
            }
            else
            {
                headers.Add((name, value));
            }
        }

        return (status, headers, bytes[(end.Item1 + end.Item2)..]);
    }
}
