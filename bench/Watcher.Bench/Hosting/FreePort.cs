using System.Net;
using System.Net.Sockets;

namespace Watcher.Bench.Hosting;

internal static class FreePort
{
    /// <summary>A loopback URL on a port that was free a moment ago, for a child that must be told where to listen.</summary>
    public static Uri Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
