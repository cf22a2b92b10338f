using System.Security.Cryptography;
using System.Text;

namespace Watcher.Simulator.Auth;

/// <summary>The hashing and key derivation of Signature Version 4.</summary>
internal static class SigV4Crypto
{
    public static byte[] DeriveSigningKey(string secretAccessKey, string date, string region, string service)
    {
        var dateKey = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        var regionKey = Hmac(dateKey, region);
        var serviceKey = Hmac(regionKey, service);
        return Hmac(serviceKey, "aws4_request");
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{SigV4AuthorizationHeader.Algorithm}\n{amzDate}\n{scope}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static string Signature(byte[] signingKey, string stringToSign) => Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
