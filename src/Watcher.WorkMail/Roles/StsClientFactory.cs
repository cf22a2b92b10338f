using Amazon.SecurityToken;
using Watcher.WorkMail.Adapter;
using Watcher.WorkMail.Credentials;

namespace Watcher.WorkMail.Roles;

/// <summary>
/// Builds the STS client behind <see cref="AssumeRoleCredentials"/>. The SDK's own AssumeRoleAWSCredentials builds
/// its STS client privately, with no way to give it a region or endpoint; doing it here keeps STS in the same region
/// (and behind the same custom endpoint, timeout and retries) as WorkMail.
/// </summary>
internal static class StsClientFactory
{
    public static AmazonSecurityTokenServiceConfig CreateConfig(WorkMailClientSettings settings)
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            MaxErrorRetry = settings.MaxAttempts - 1,
            MaxStaleConnectionRetries = AmazonWorkMailClientFactory.StaleConnectionRetries,
            Timeout = settings.RequestTimeout,
        };
        config.IdentityResolverConfiguration = new MarkingIdentityResolverConfiguration(config.IdentityResolverConfiguration);
        ClientEndpoint.Apply(config, settings.StsServiceUrl, settings.Region);
        return config;
    }

    public static AmazonSecurityTokenServiceClient Create(WorkMailClientSettings settings)
    {
        var config = CreateConfig(settings);
        if (AmazonWorkMailClientFactory.StaticCredentials(settings) is { } source)
        {
            return new AmazonSecurityTokenServiceClient(source, config);
        }

        SecurityTokenServiceRegistration.EnsureRegistered();
        return new AmazonSecurityTokenServiceClient(config);
    }
}
