using System.Net;
using System.Net.Sockets;

namespace LyncConfigVault.Tests;

/// <summary>
/// Ports on 127.0.0.1 for tests that run in parallel with others. A port the system hands out and a test
/// then releases may be taken by another test before the server binds it, so a server start that fails
/// is tried again on a new port; and a port meant to be dead stays held, so nothing else can answer on it.
/// </summary>
internal static class LoopbackPorts
{
    private const int Attempts = 20;

    /// <summary>Starts a server that must be given its port; a start that finds the port taken is tried on another.</summary>
    /// <param name="start">Starts the server on the port, or throws (or returns null) when the port is taken.</param>
    public static T Start<T>(Func<int, T?> start)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (start(Ephemeral()) is { } server)
                {
                    return server;
                }
            }
            catch (Exception e) when (attempt < Attempts && e is SocketException or HttpListenerException or IOException)
            {
            }

            Assert.True(attempt < Attempts, "no free loopback port after 20 attempts");
        }
    }

    /// <summary>A port nothing answers on, held (bound, never listening) until disposed: a connection to it is refused.</summary>
    public static DeadPort Dead() => new();

    private static int Ephemeral()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>A loopback port bound but not listening: connecting is refused at once, and no other test can take it meanwhile.</summary>
internal sealed class DeadPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public DeadPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
