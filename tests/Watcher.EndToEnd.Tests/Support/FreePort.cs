using System.Net;
using System.Net.Sockets;

namespace Watcher.EndToEnd.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback port free right now, for a process that must keep one port across restarts.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
