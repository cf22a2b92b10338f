namespace Watcher.Simulator.Auth;

/// <summary>The parsed <c>Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header.</summary>
internal sealed record SigV4AuthorizationHeader(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    string Terminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";

    public static SigV4AuthorizationHeader Parse(string header, out string? error)
    {
        error = null;
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            var algorithm = header.Split(' ', 2)[0];
            error = $"Unsupported AWS 'algorithm': '{algorithm}'. Only {Algorithm} is supported.";
            return Empty;
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                parts[part[..equals]] = part[(equals + 1)..];
            }
        }

        foreach (var required in (string[])["Credential", "SignedHeaders", "Signature"])
        {
            if (!parts.ContainsKey(required))
            {
                error = $"Authorization header requires '{required}' parameter. Authorization={header.Split(',')[0]}";
                return Empty;
            }
        }

        var credential = parts["Credential"].Split('/');
        if (credential.Length != 5)
        {
            error = $"Credential should have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{parts["Credential"]}'";
            return Empty;
        }

        var signedHeaders = parts["SignedHeaders"].Split(';', StringSplitOptions.RemoveEmptyEntries);
        return new SigV4AuthorizationHeader(
            credential[0], credential[1], credential[2], credential[3], credential[4], signedHeaders, parts["Signature"]);
    }

    private static SigV4AuthorizationHeader Empty { get; } = new("", "", "", "", "", [], "");
}
