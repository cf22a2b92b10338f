using System.Net;

namespace Watcher.Simulator.Hosting;

/// <summary>Turns <see cref="SimulatorOptions.ListenUrl"/> into a socket endpoint, so binding never depends on configuration.</summary>
internal static class ListenEndpoint
{
    public static IPEndPoint Parse(string listenUrl)
    {
        // Kestrel's wildcard hosts are not valid URI hosts.
        var normalized = listenUrl.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"ListenUrl '{listenUrl}' must be an absolute http:// URL such as http://127.0.0.1:0.", nameof(listenUrl));
        }

        var host = uri.Host.Trim('[', ']');
        var address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "0.0.0.0" => IPAddress.Any,
            _ when IPAddress.TryParse(host, out var parsed) => parsed,
            _ => throw new ArgumentException($"ListenUrl '{listenUrl}' must name an IP address or localhost.", nameof(listenUrl)),
        };
        return new IPEndPoint(address, uri.Port);
    }
}
