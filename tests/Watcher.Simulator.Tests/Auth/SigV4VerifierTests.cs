using System.Text;
using Watcher.Simulator.Auth;

namespace Watcher.Simulator.Tests.Auth;

/// <summary>Vectors from the AWS SigV4 documentation and test suite (AKIDEXAMPLE, 2015-08-30).</summary>
public class SigV4VerifierTests
{
    private const string ExampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly SimulatorCredential Example = new("AKIDEXAMPLE", ExampleSecret);

    [Fact]
    public void DeriveSigningKey_DocumentationExample_MatchesPublishedKey()
    {
        var key = SigV4Crypto.DeriveSigningKey(ExampleSecret, "20150830", "us-east-1", "iam");

        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Verify_GetVanillaVector_Accepts()
    {
        var verifier = new SigV4Verifier([Example], "us-east-1", "service");
        var request = Request("GET", "/", "", ("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        var result = verifier.Verify(request);

        Assert.True(result.IsValid, result.Error?.Message);
        Assert.Equal("AKIDEXAMPLE", result.AccessKeyId);
    }

    [Fact]
    public void Verify_IamListUsersDocumentationExample_Accepts()
    {
        var verifier = new SigV4Verifier([Example], "us-east-1", "iam");
        var request = Request("GET", "/", "Action=ListUsers&Version=2010-05-08",
            ("Host", "iam.amazonaws.com"),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"));

        Assert.True(verifier.Verify(request).IsValid);
    }

    [Fact]
    public void Verify_GetVanillaWithChangedHost_RejectsWithSignatureMismatch()
    {
        var verifier = new SigV4Verifier([Example], "us-east-1", "service");
        var request = Request("GET", "/", "", ("Host", "other.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        var result = verifier.Verify(request);

        Assert.Equal("InvalidSignatureException", result.Error?.Code);
        Assert.Contains("does not match the signature you provided", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ContentSha256NotMatchingBody_Rejects()
    {
        var verifier = new SigV4Verifier([Example], "us-east-1", "service");
        var request = Request("POST", "/", "", ("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z"),
            ("x-amz-content-sha256", new string('0', 64)),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=00"))
            with { Body = Encoding.UTF8.GetBytes("{}") };

        var result = verifier.Verify(request);

        Assert.Equal("InvalidSignatureException", result.Error?.Code);
        Assert.Contains("x-amz-content-sha256", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_HostNotSigned_Rejects()
    {
        var verifier = new SigV4Verifier([Example], "us-east-1", "service");
        var request = Request("GET", "/", "", ("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=x-amz-date, Signature=00"));

        Assert.Contains("'Host'", verifier.Verify(request).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ScopeDateDiffersFromAmzDate_Rejects()
    {
        var verifier = new SigV4Verifier([Example], "us-east-1", "service");
        var request = Request("GET", "/", "", ("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150831T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"));

        Assert.Contains("Date in Credential scope does not match", verifier.Verify(request).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ClockSkewBeyondLimit_Rejects()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2015, 8, 30, 13, 0, 0, TimeSpan.Zero));
        var verifier = new SigV4Verifier([Example], "us-east-1", "service", clock, TimeSpan.FromMinutes(15));
        var request = Request("GET", "/", "", ("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        Assert.StartsWith("Signature expired", verifier.Verify(request).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MalformedCredential_IncompleteSignature()
    {
        var verifier = new SigV4Verifier([Example], "us-east-1", "service");
        var request = Request("GET", "/", "", ("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830, SignedHeaders=host;x-amz-date, Signature=00"));

        var error = verifier.Verify(request).Error;

        Assert.Equal("IncompleteSignatureException", error?.Code);
        Assert.Equal(403, error!.StatusCode);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/documents%20and%20settings/", "/documents%2520and%2520settings/")]
    [InlineData("/a-b_c.d~e", "/a-b_c.d~e")]
    public void CanonicalUri_NonS3Path_EncodesSegmentsTwice(string rawPath, string expected)
    {
        Assert.Equal(expected, SigV4Canonicalizer.CanonicalUri(rawPath));
    }

    [Fact]
    public void CanonicalQuery_UnsortedAndEncoded_SortsAndEncodes()
    {
        Assert.Equal("Action=ListUsers&Version=2010-05-08&a%20b=c%2Fd", SigV4Canonicalizer.CanonicalQuery("Version=2010-05-08&a%20b=c/d&Action=ListUsers"));
    }

    private static SigV4Request Request(string method, string path, string query, params (string Name, string Value)[] headers) => new(
        method,
        path,
        query,
        headers.ToDictionary(h => h.Name, h => (IReadOnlyList<string>)[h.Value], StringComparer.OrdinalIgnoreCase),
        Array.Empty<byte>());
}
