using Watcher.WorkMail.Credentials;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Credentials;

[Collection(EnvironmentTestGroup.Name)]
public sealed class WorkMailCredentialSourcesTests
{
    private static readonly WorkMailClientSettings DefaultChain = new() { Region = TestSettings.Region };

    [Fact]
    public void Describe_NoSourceConfigured_NoneWithNothingTried()
    {
        using var environment = CredentialEnvironment.WithoutAny().Set("AWS_PROFILE", null);

        var source = WorkMailCredentialSources.Describe(DefaultChain);

        Assert.Equal(WorkMailCredentialSources.None, source.Kind);
        Assert.Equal("no credential source is configured", source.Description);
        Assert.Empty(source.Tried);
    }

    [Fact]
    public void Describe_WebIdentityWithRelativeTokenFile_TriesOnlyTheConfiguredSourcesInTheChainsOrder()
    {
        using var environment = CredentialEnvironment.WithoutAny()
            .Set("AWS_PROFILE", null)
            .Set("AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/watcher-irsa")
            .Set("AWS_WEB_IDENTITY_TOKEN_FILE", "token")
            .Set("AWS_SECRET_ACCESS_KEY", "canarySecretKeyThatMustNotBeShown00000");

        var source = WorkMailCredentialSources.Describe(DefaultChain);

        Assert.Equal(WorkMailCredentialSources.None, source.Kind);
        Assert.Equal(
            [
                "environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
                "web identity (IRSA): AWS_WEB_IDENTITY_TOKEN_FILE (token) is not an absolute path",
            ],
            source.Tried);
        Assert.DoesNotContain(source.Tried, line => line.Contains("canarySecretKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_ProfileNamedButMissing_StopsTheListThereAsTheChainDoes()
    {
        using var environment = CredentialEnvironment.WithoutAny()
            .Set("AWS_PROFILE", "nightly")
            .Set("AWS_EC2_METADATA_DISABLED", null);

        var source = WorkMailCredentialSources.Describe(DefaultChain);

        var line = Assert.Single(source.Tried);
        Assert.StartsWith("profile 'nightly' (AWS_PROFILE): no shared config file (", line, StringComparison.Ordinal);
    }
}
