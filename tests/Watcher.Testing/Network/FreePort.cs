using System.Net;
using System.Net.Sockets;

namespace Watcher.Testing.Network;

/// <summary>Loopback ports for processes that cannot be told to pick their own (port 0) and report it.</summary>
public static class FreePort
{
    /// <summary>
    /// A loopback port free right now: for a process that must keep one port across restarts, or an address
    /// nothing listens on. Anything else should bind port 0 and read the port back, which cannot race.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
