using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Watcher.Simulator.Protocol;
using Watcher.Simulator.Sts;

namespace Watcher.Simulator.Auth;

/// <summary>
/// Checks AWS Signature Version 4 (header form) against the accepted key pairs,
/// with the error codes and messages of AWS front ends. Keys issued by the simulator's AssumeRole are accepted
/// too, with their session token and until their expiration.
/// </summary>
internal sealed class SigV4Verifier(
    IReadOnlyList<SimulatorCredential> credentials,
    string region,
    string service = "workmail",
    TimeProvider? timeProvider = null,
    TimeSpan? maxClockSkew = null,
    IssuedCredentials? issued = null,
    IReadOnlyCollection<string>? additionalRegions = null)
{
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public SigV4Result Verify(SigV4Request request) => Verify(request, service);

    /// <param name="expectedService">The signing name the credential scope must carry on this route.</param>
    public SigV4Result Verify(SigV4Request request, string expectedService)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Fail(null, AwsErrors.MissingAuthenticationToken());
        }

        var header = SigV4AuthorizationHeader.Parse(authorization.Trim(), out var parseError);
        if (parseError is not null)
        {
            return Fail(null, AwsErrors.IncompleteSignature(parseError));
        }

        var session = issued?.Find(header.AccessKeyId);
        var secret = session?.SecretAccessKey
            ?? credentials.FirstOrDefault(c => string.Equals(c.AccessKeyId, header.AccessKeyId, StringComparison.Ordinal))?.SecretAccessKey;
        if (secret is null)
        {
            return Fail(header.AccessKeyId, AwsErrors.UnrecognizedClient());
        }

        // Temporary keys are only valid together with the token they were issued with.
        if (session is not null && !string.Equals(request.Header("X-Amz-Security-Token"), session.SessionToken, StringComparison.Ordinal))
        {
            return Fail(header.AccessKeyId, AwsErrors.UnrecognizedClient(), session);
        }

        var error = CheckDateAndScope(request, header, expectedService) ?? CheckSignedHeaders(request, header);
        if (error is not null)
        {
            return Fail(header.AccessKeyId, AwsErrors.InvalidSignature(error), session);
        }

        var payloadHash = PayloadHash(request, out error);
        if (error is not null)
        {
            return Fail(header.AccessKeyId, AwsErrors.InvalidSignature(error), session);
        }

        var canonicalRequest = SigV4Canonicalizer.CanonicalRequest(request, header.SignedHeaders, payloadHash);
        var stringToSign = SigV4Crypto.StringToSign(request.Header("X-Amz-Date")!, header.Scope, canonicalRequest);
        var signingKey = SigV4Crypto.DeriveSigningKey(secret, header.Date, header.Region, header.Service);
        var expected = SigV4Crypto.Signature(signingKey, stringToSign);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
        {
            return Fail(header.AccessKeyId, AwsErrors.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."), session);
        }

        if (session is not null && session.Expiration <= _time.GetUtcNow())
        {
            return Fail(header.AccessKeyId, AwsErrors.ExpiredToken(), session);
        }

        return new SigV4Result(header.AccessKeyId, null, session?.AssumedRoleArn) { Region = header.Region };
    }

    private bool IsAcceptedRegion(string candidate) =>
        string.Equals(candidate, region, StringComparison.Ordinal)
        || (additionalRegions?.Contains(candidate, StringComparer.Ordinal) ?? false);

    private string? CheckDateAndScope(SigV4Request request, SigV4AuthorizationHeader header, string expectedService)
    {
        var amzDate = request.Header("X-Amz-Date");
        if (amzDate is null)
        {
            return "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
        }

        if (!DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return $"X-Amz-Date '{amzDate}' is not in the ISO 8601 basic format yyyyMMddTHHmmssZ.";
        }

        if (!string.Equals(header.Date, amzDate[..8], StringComparison.Ordinal))
        {
            return $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{header.Date}' != '{amzDate[..8]}', from '{amzDate}'.";
        }

        if (!IsAcceptedRegion(header.Region))
        {
            return $"Credential should be scoped to a valid region, not '{header.Region}'. ";
        }

        if (!string.Equals(header.Service, expectedService, StringComparison.Ordinal))
        {
            return $"Credential should be scoped to correct service: '{expectedService}'. ";
        }

        if (!string.Equals(header.Terminator, "aws4_request", StringComparison.Ordinal))
        {
            return $"Credential should be scoped with a valid terminator: 'aws4_request', not '{header.Terminator}'. ";
        }

        if (maxClockSkew is { } skew && (signedAt - _time.GetUtcNow()).Duration() > skew)
        {
            return $"Signature expired: {amzDate} is now earlier or later than allowed ({skew} from {_time.GetUtcNow().ToString(AmzDateFormat, CultureInfo.InvariantCulture)}).";
        }

        return null;
    }

    private static string? CheckSignedHeaders(SigV4Request request, SigV4AuthorizationHeader header)
    {
        if (!header.SignedHeaders.Contains("host"))
        {
            return "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
        }

        foreach (var name in header.SignedHeaders)
        {
            if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
            {
                return $"Signed header '{name}' must be lower-case.";
            }

            if (request.Header(name) is null)
            {
                return $"Signed header '{name}' is not present in the request.";
            }
        }

        return null;
    }

    private static string PayloadHash(SigV4Request request, out string? error)
    {
        error = null;
        var actual = SigV4Crypto.Sha256Hex(request.Body.Span);
        var declared = request.Header("x-amz-content-sha256");
        if (declared is null)
        {
            return actual;
        }

        if (declared != UnsignedPayload && !string.Equals(declared, actual, StringComparison.OrdinalIgnoreCase))
        {
            error = "The provided 'x-amz-content-sha256' header does not match what was computed.";
        }

        return declared;
    }

    private static SigV4Result Fail(string? accessKeyId, AwsError error, IssuedCredential? session = null) =>
        new(accessKeyId, error, session?.AssumedRoleArn);
}
