using System.Text.RegularExpressions;
using Watcher.WorkMail;

namespace Watcher.Health;

/// <summary>
/// A call signed for one region sent to an endpoint that serves another. AWS rejects it as a bad signature
/// (<c>InvalidSignatureException</c>, <c>SignatureDoesNotMatch</c>) whose message says
/// <c>Credential should be scoped to a valid region, not 'eu-west-1'</c>: nothing is wrong with the keys or the clock.
/// </summary>
/// <param name="SignedRegion">The region the call was signed for (from the message, else the call's).</param>
/// <param name="ExpectedRegion">The region the endpoint serves, when the message, the endpoint's host name or
/// Watcher's own region (a custom endpoint serves it) tells; null when nothing does.</param>
/// <param name="ExpectedFrom">Where <paramref name="ExpectedRegion"/> came from, for people.</param>
internal sealed partial record RegionMismatch(string SignedRegion, string? ExpectedRegion, string? ExpectedFrom)
{
    public static RegionMismatch? Of(WorkMailException exception, WorkMailCall call)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(call);
        if (exception.ErrorCode is not (WorkMailErrorCodes.InvalidSignatureException or WorkMailErrorCodes.SignatureDoesNotMatch))
        {
            return null;
        }

        var message = exception.Message;
        var wrong = WrongRegion().Match(message);
        if (!ScopedToValidRegion().IsMatch(message) && !wrong.Success)
        {
            return null;
        }

        var signed = NotRegion().Match(message) is { Success: true } scoped ? scoped.Groups["region"].Value
            : wrong.Success ? wrong.Groups["region"].Value
            : call.Region;

        if (Expecting().Match(message) is { Success: true } expecting)
        {
            return new(signed, expecting.Groups["region"].Value, "the error message");
        }

        if (Uri.TryCreate(call.Endpoint.Url, UriKind.Absolute, out var endpoint) && HostRegion().Match(endpoint.Host) is { Success: true } host)
        {
            return new(signed, host.Groups["region"].Value, "the endpoint's host name");
        }

        // A custom endpoint (a VPC endpoint, a proxy, the simulator) is set once for Watcher's own region.
        return call.Endpoint.Custom && !string.Equals(signed, call.OwnRegion, StringComparison.Ordinal)
            ? new(signed, call.OwnRegion, "Watcher:Aws:Region, the region a custom endpoint is set up for")
            : new(signed, null, null);
    }

    [GeneratedRegex("scoped to a valid region", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopedToValidRegion();

    [GeneratedRegex(@"valid region, not '(?<region>[a-z0-9-]+)'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotRegion();

    // The S3 form: "the region 'us-east-1' is wrong; expecting 'eu-west-1'".
    [GeneratedRegex(@"the region '(?<region>[a-z0-9-]+)' is wrong", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrongRegion();

    [GeneratedRegex(@"expecting '(?<region>[a-z0-9-]+)'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Expecting();

    [GeneratedRegex(@"(?:^|\.)(?<region>[a-z]{2}(?:-[a-z]+)+-\d+)\.(?:amazonaws\.com(?:\.cn)?|api\.aws)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostRegion();
}
