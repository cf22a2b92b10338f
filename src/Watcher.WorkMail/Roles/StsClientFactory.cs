using Amazon;
using Amazon.SecurityToken;
using Watcher.WorkMail.Adapter;

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
            Timeout = settings.RequestTimeout,
        };
        if (settings.StsServiceUrl is not null)
        {
            config.ServiceURL = settings.StsServiceUrl.AbsoluteUri;
        }
        else
        {
            // AWS_ENDPOINT_URL_STS, when set, still overrides the regional endpoint.
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        // A ServiceURL alone would sign for us-east-1.
        config.AuthenticationRegion = settings.Region;
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
