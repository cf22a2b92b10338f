using Amazon.Runtime;
using Watcher.WorkMail.Client.Endpoints;

namespace Watcher.WorkMail.Tests.Endpoints;

public sealed class AmazonWorkMailEndpointProviderTests
{
    private readonly AmazonWorkMailEndpointProvider _provider = new();

    [Theory]
    [InlineData("us-east-1", false, false, "https://workmail.us-east-1.amazonaws.com")]
    [InlineData("eu-west-1", false, false, "https://workmail.eu-west-1.amazonaws.com")]
    [InlineData("us-west-2", true, false, "https://workmail-fips.us-west-2.amazonaws.com")]
    [InlineData("eu-west-1", false, true, "https://workmail.eu-west-1.api.aws")]
    [InlineData("us-east-1", true, true, "https://workmail-fips.us-east-1.api.aws")]
    [InlineData("cn-north-1", false, false, "https://workmail.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", true, false, "https://workmail-fips.us-gov-west-1.amazonaws.com")]
    public void ResolveEndpoint_RegionAndFlags_ReturnsRuleUrl(string region, bool fips, bool dualStack, string expected)
    {
        var parameters = new WorkMailEndpointParameters { Region = region, UseFIPS = fips, UseDualStack = dualStack };

        var endpoint = _provider.ResolveEndpoint(parameters);

        Assert.Equal(expected, endpoint.URL);
    }

    [Fact]
    public void ResolveEndpoint_CustomEndpoint_WinsOverRegion()
    {
        var parameters = new WorkMailEndpointParameters { Region = "eu-west-1", Endpoint = "http://127.0.0.1:4566/" };

        var endpoint = _provider.ResolveEndpoint(parameters);

        Assert.Equal("http://127.0.0.1:4566/", endpoint.URL);
    }

    [Fact]
    public void ResolveEndpoint_CustomEndpointWithoutRegion_ReturnsCustomEndpoint()
    {
        var endpoint = _provider.ResolveEndpoint(new WorkMailEndpointParameters { Endpoint = "https://workmail.example.test" });

        Assert.Equal("https://workmail.example.test", endpoint.URL);
    }

    [Theory]
    [InlineData(true, false, "FIPS and custom endpoint are not supported")]
    [InlineData(false, true, "Dualstack and custom endpoint are not supported")]
    public void ResolveEndpoint_CustomEndpointWithFipsOrDualStack_Throws(bool fips, bool dualStack, string expected)
    {
        var parameters = new WorkMailEndpointParameters { Endpoint = "https://workmail.example.test", UseFIPS = fips, UseDualStack = dualStack };

        var exception = Assert.Throws<AmazonClientException>(() => _provider.ResolveEndpoint(parameters));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ResolveEndpoint_MissingRegion_ThrowsMissingRegion(string? region)
    {
        var exception = Assert.Throws<AmazonClientException>(() => _provider.ResolveEndpoint(new WorkMailEndpointParameters { Region = region }));

        Assert.Equal("Invalid Configuration: Missing Region", exception.Message);
    }

    [Fact]
    public void ResolveEndpoint_NullFlags_Throws()
    {
        var parameters = new WorkMailEndpointParameters { Region = "eu-west-1", UseFIPS = null };

        Assert.Throws<AmazonClientException>(() => _provider.ResolveEndpoint(parameters));
    }
}
