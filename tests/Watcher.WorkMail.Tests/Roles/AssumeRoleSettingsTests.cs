using Amazon.Runtime;
using Watcher.WorkMail.Adapter;
using Watcher.WorkMail.Roles;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Roles;

public sealed class AssumeRoleSettingsTests
{
    private static readonly WorkMailAssumeRole Role = new("arn:aws:iam::111111111111:role/Reader", "external-secret-value");

    [Fact]
    public void CreateCredentials_AssumeRole_RefreshingRoleCredentials()
    {
        using var credentials = AmazonWorkMailClientFactory.CreateCredentials(Settings()) as AssumeRoleCredentials;

        Assert.NotNull(credentials);
        Assert.Equal(Role.RoleArn, credentials.RoleArn);
        Assert.Equal(AssumeRoleCredentials.RefreshMargin, credentials.PreemptExpiryTime);
    }

    [Fact]
    public void CreateCredentials_NoAssumeRole_StaticKeys()
    {
        var credentials = AmazonWorkMailClientFactory.CreateCredentials(TestSettings.For(new Uri("http://127.0.0.1:9/")));

        Assert.IsType<BasicAWSCredentials>(credentials);
    }

    [Theory]
    [InlineData("", "watcher")]
    [InlineData("arn:aws:iam::111111111111:role/Reader", " ")]
    public void WorkMailExportJobsClient_BlankRoleArnOrSessionName_ThrowsArgumentException(string roleArn, string sessionName)
    {
        var settings = Settings() with { AssumeRole = new WorkMailAssumeRole(roleArn, null, sessionName) };

        Assert.ThrowsAny<ArgumentException>(() => new WorkMailExportJobsClient(settings));
    }

    [Fact]
    public void StsConfig_StsServiceUrl_UsedAndSignedForSettingsRegion()
    {
        var config = StsClientFactory.CreateConfig(Settings() with { StsServiceUrl = new Uri("http://127.0.0.1:5088/") });

        Assert.Equal("http://127.0.0.1:5088/", config.ServiceURL);
        Assert.Equal(TestSettings.Region, config.AuthenticationRegion);
    }

    [Fact]
    public void StsConfig_NoStsServiceUrl_SettingsRegionEndpoint()
    {
        var config = StsClientFactory.CreateConfig(Settings() with { MaxAttempts = 2 });

        Assert.Equal(TestSettings.Region, config.RegionEndpoint?.SystemName);
        Assert.Equal(1, config.MaxErrorRetry);
    }

    [Fact]
    public void ToString_WorkMailAssumeRole_HidesExternalId()
    {
        Assert.DoesNotContain("external-secret-value", Role.ToString(), StringComparison.Ordinal);
        Assert.Contains(Role.RoleArn, Role.ToString(), StringComparison.Ordinal);
    }

    private static WorkMailClientSettings Settings() =>
        TestSettings.For(new Uri("http://127.0.0.1:9/")) with { AssumeRole = Role };
}
