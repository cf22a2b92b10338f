using System.Globalization;

namespace Watcher.Tests.Support;

/// <summary>What the kernel holds for one IPv4 TCP socket, from <c>/proc/net/tcp</c> (Linux).</summary>
internal static class TcpQueues
{
    /// <summary>
    /// For the socket bound to <paramref name="localPort"/> and connected to <paramref name="remotePort"/>: bytes sent
    /// but not yet acknowledged, and bytes received that the application has not read; null when there is no such socket.
    /// </summary>
    public static (long Unacknowledged, long Unread)? Read(int localPort, int remotePort)
    {
        // Each line: "sl local_address rem_address st tx_queue:rx_queue ...", addresses as hex IP:port.
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (Port(fields[1]) == localPort && Port(fields[2]) == remotePort)
            {
                var queues = fields[4].Split(':');
                return (long.Parse(queues[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), long.Parse(queues[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>
    /// Bytes of a response that have left the server process on a loopback connection and are not yet read by the
    /// client: in the server's send queue and the client's receive queue.
    /// </summary>
    public static long InFlight(int serverPort, int clientPort)
    {
        var server = Read(serverPort, clientPort) ?? throw new InvalidOperationException($"No socket {serverPort} -> {clientPort} in /proc/net/tcp.");
        var client = Read(clientPort, serverPort) ?? throw new InvalidOperationException($"No socket {clientPort} -> {serverPort} in /proc/net/tcp.");
        return server.Unacknowledged + client.Unread;
    }

    private static int Port(string address) => int.Parse(address.AsSpan(address.IndexOf(':', StringComparison.Ordinal) + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
