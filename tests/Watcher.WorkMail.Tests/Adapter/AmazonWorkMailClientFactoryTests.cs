using Amazon.Runtime;
using Watcher.WorkMail.Adapter;

namespace Watcher.WorkMail.Tests.Adapter;

public sealed class AmazonWorkMailClientFactoryTests
{
    [Fact]
    public void CreateConfig_ServiceUrl_SetsServiceUrlAndSigningRegion()
    {
        var config = AmazonWorkMailClientFactory.CreateConfig(new WorkMailClientSettings
        {
            Region = "eu-west-1",
            ServiceUrl = new Uri("http://127.0.0.1:9000/"),
        });

        Assert.Equal("http://127.0.0.1:9000/", config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void CreateConfig_NoServiceUrl_SetsRegionEndpoint()
    {
        var config = AmazonWorkMailClientFactory.CreateConfig(new WorkMailClientSettings { Region = "us-west-2" });

        Assert.Equal("us-west-2", config.RegionEndpoint?.SystemName);
        Assert.Equal("us-west-2", config.AuthenticationRegion);
    }

    [Theory]
    [InlineData(WorkMailRetryMode.Standard, RequestRetryMode.Standard, 3, 2)]
    [InlineData(WorkMailRetryMode.Adaptive, RequestRetryMode.Adaptive, 5, 4)]
    [InlineData(WorkMailRetryMode.Standard, RequestRetryMode.Standard, 1, 0)]
    public void CreateConfig_RetrySettings_MapToSdk(WorkMailRetryMode mode, RequestRetryMode expectedMode, int maxAttempts, int expectedRetries)
    {
        var config = AmazonWorkMailClientFactory.CreateConfig(new WorkMailClientSettings
        {
            Region = "eu-west-1",
            RetryMode = mode,
            MaxAttempts = maxAttempts,
            RequestTimeout = TimeSpan.FromSeconds(7),
            UseFipsEndpoint = true,
            UseDualstackEndpoint = true,
        });

        Assert.Equal(expectedMode, config.RetryMode);
        Assert.Equal(expectedRetries, config.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(7), config.Timeout);
        Assert.True(config.UseFIPSEndpoint);
        Assert.True(config.UseDualstackEndpoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void CreateConfig_NoRegion_Throws(string region)
    {
        Assert.Throws<ArgumentException>(() => AmazonWorkMailClientFactory.CreateConfig(new WorkMailClientSettings { Region = region }));
    }

    [Fact]
    public void CreateConfig_ZeroAttempts_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => AmazonWorkMailClientFactory.CreateConfig(new WorkMailClientSettings { Region = "eu-west-1", MaxAttempts = 0 }));
    }
}
