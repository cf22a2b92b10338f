using System.Text;

namespace Watcher.Simulator.Auth;

/// <summary>The canonical request of Signature Version 4, for services other than S3.</summary>
internal static class SigV4Canonicalizer
{
    public static string CanonicalRequest(
        SigV4Request request, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var builder = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(CanonicalUri(request.RawPath)).Append('\n')
            .Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request, name)).Append('\n');
        }

        return builder.Append('\n')
            .Append(string.Join(';', signedHeaders)).Append('\n')
            .Append(payloadHash)
            .ToString();
    }

    // Outside S3 each path segment is encoded twice: once on the wire, once more in the canonical form.
    public static string CanonicalUri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath) || rawPath == "/")
        {
            return "/";
        }

        var segments = rawPath.Split('/').Select(s => UriEncode(UriEncode(Uri.UnescapeDataString(s))));
        return string.Join('/', segments);
    }

    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.TrimStart('?');
        if (query.Length == 0)
        {
            return "";
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : pair[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string CanonicalHeaderValue(SigV4Request request, string name)
    {
        if (!request.Headers.TryGetValue(name, out var values))
        {
            return "";
        }

        return string.Join(',', values.Select(CollapseSpaces));
    }

    private static string CollapseSpaces(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
