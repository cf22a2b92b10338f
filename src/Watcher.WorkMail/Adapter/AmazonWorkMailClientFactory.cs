using Amazon;
using Amazon.Runtime;
using Watcher.WorkMail.Client;

namespace Watcher.WorkMail.Adapter;

/// <summary>Translates Watcher's <see cref="WorkMailClientSettings"/> into an SDK config and client.</summary>
internal static class AmazonWorkMailClientFactory
{
    public static AmazonWorkMailConfig CreateConfig(WorkMailClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Region))
        {
            throw new ArgumentException("A region is required: it is also the SigV4 signing scope.", nameof(settings));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxAttempts, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.RequestTimeout, TimeSpan.Zero, nameof(settings));

        var config = new AmazonWorkMailConfig
        {
            RetryMode = settings.RetryMode == WorkMailRetryMode.Adaptive ? RequestRetryMode.Adaptive : RequestRetryMode.Standard,
            MaxErrorRetry = settings.MaxAttempts - 1,
            Timeout = settings.RequestTimeout,
            UseFIPSEndpoint = settings.UseFipsEndpoint,
            UseDualstackEndpoint = settings.UseDualstackEndpoint,
            OnRetry = settings.OnRetry,
        };

        if (settings.ServiceUrl is not null)
        {
            // ServiceURL clears RegionEndpoint; the signing region is then AuthenticationRegion.
            config.ServiceURL = settings.ServiceUrl.AbsoluteUri;
        }
        else
        {
            // AWS_ENDPOINT_URL_WORKMAIL, when set, still overrides the endpoint rules through ServiceURL.
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        // Without this a ServiceURL-only config silently signs for us-east-1.
        config.AuthenticationRegion = settings.Region;
        return config;
    }

    public static AmazonWorkMailClient Create(WorkMailClientSettings settings)
    {
        var config = CreateConfig(settings);
        if (settings.Credentials is not { } keys)
        {
            SecurityTokenServiceRegistration.EnsureRegistered();
            return new AmazonWorkMailClient(config);
        }

        AWSCredentials credentials = string.IsNullOrEmpty(keys.SessionToken)
            ? new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey)
            : new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken);
        return new AmazonWorkMailClient(credentials, config);
    }
}
