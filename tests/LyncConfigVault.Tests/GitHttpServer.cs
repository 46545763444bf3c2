using System.Diagnostics;
using System.Net;
using System.Text;

namespace LyncConfigVault.Tests;

/// <summary>
/// A real Git smart-HTTP server on loopback: HttpListener in front of git http-backend (CGI), asking
/// for one account with Basic authentication, as a hosted Git server does. Holds one bare repository.
/// </summary>
internal sealed class GitHttpServer : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly string _account;

    public GitHttpServer(string user, string password)
    {
        _account = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        GitDaemon.Git(_folder.Path, "init", "-q", "--bare", "-b", "main", "vault.git");
        var port = GitDaemon.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.AuthenticationSchemes = AuthenticationSchemes.Basic;   // the listener answers 401 with the challenge itself
        _listener.Realm = "lcv test";
        _listener.Start();
        Url = $"http://127.0.0.1:{port}/vault.git";
        _loop = Task.Run(Serve);
    }

    public string Url { get; }

    public string BareRepository => Path.Combine(_folder.Path, "vault.git");

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _folder.Dispose();
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            if (context.User?.Identity is not HttpListenerBasicIdentity identity || Convert.ToBase64String(Encoding.UTF8.GetBytes($"{identity.Name}:{identity.Password}")) != _account)
            {
                response.StatusCode = 403;
                response.ContentLength64 = 0;
                continue;
            }

            await Backend(context);
        }
    }

    private async Task Backend(HttpListenerContext context)
    {
        var request = context.Request;
        var start = new ProcessStartInfo("git", "http-backend") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["GIT_PROJECT_ROOT"] = _folder.Path;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["REQUEST_METHOD"] = request.HttpMethod;
        start.Environment["PATH_INFO"] = request.Url!.AbsolutePath;
        start.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        start.Environment["REMOTE_USER"] = "lcv";
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        if (request.Headers["Content-Encoding"] is { } encoding)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }

        // libgit2 sends pushes chunked; the CGI wants the length, so the body is read whole first.
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        start.Environment["CONTENT_LENGTH"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var git = Process.Start(start)!;
        body.Position = 0;
        var copy = body.CopyToAsync(git.StandardInput.BaseStream).ContinueWith(_ => git.StandardInput.Close());
        using var output = new MemoryStream();
        await git.StandardOutput.BaseStream.CopyToAsync(output);
        await copy;
        await git.WaitForExitAsync();

        // CGI: header lines, a blank line, then the body.
        var bytes = output.ToArray();
        var split = IndexOf(bytes, "\r\n\r\n"u8.ToArray(), out var separator);
        var headers = Encoding.ASCII.GetString(bytes, 0, split).Split(separator == 4 ? "\r\n" : "\n");
        var response = context.Response;
        foreach (var header in headers.Where(h => h.Length > 0))
        {
            var colon = header.IndexOf(':');
            var (name, value) = (header[..colon], header[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.AddHeader(name, value);
            }
        }

        response.ContentLength64 = bytes.Length - split - separator;   // libgit2 wants a length, not a chunked reply
        await response.OutputStream.WriteAsync(bytes.AsMemory(split + separator));
    }

    private static int IndexOf(byte[] bytes, byte[] crlf, out int separator)
    {
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (i + 3 < bytes.Length && bytes.AsSpan(i, 4).SequenceEqual(crlf))
            {
                separator = 4;
                return i;
            }

            if (bytes[i] == '\n' && bytes[i + 1] == '\n')
            {
                separator = 2;
                return i;
            }
        }

        separator = 0;
        return bytes.Length;
    }
}
