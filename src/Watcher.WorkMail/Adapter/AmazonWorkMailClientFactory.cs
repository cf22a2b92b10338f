using Amazon.Runtime;
using Watcher.WorkMail.Client;
using Watcher.WorkMail.Credentials;
using Watcher.WorkMail.Roles;

namespace Watcher.WorkMail.Adapter;

/// <summary>Translates Watcher's <see cref="WorkMailClientSettings"/> into an SDK config and client.</summary>
internal static class AmazonWorkMailClientFactory
{
    /// <summary>
    /// AWSSDK.Core 4.1 sends a request again at once, outside MaxErrorRetry and without backoff, when the connection
    /// is reset or closed mid-answer, assuming a stale pooled connection; observed here as ten more sends per call.
    /// One covers a genuinely stale connection; more would hammer an endpoint that drops every answer.
    /// </summary>
    internal const int StaleConnectionRetries = 1;

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
            MaxStaleConnectionRetries = StaleConnectionRetries,
            Timeout = settings.RequestTimeout,
            UseFIPSEndpoint = settings.UseFipsEndpoint,
            UseDualstackEndpoint = settings.UseDualstackEndpoint,
            OnRetry = settings.OnRetry,
            OnRetryRefused = settings.OnRetryRefused,
            BeforeAttempt = settings.BeforeAttempt,
        };
        config.IdentityResolverConfiguration = new MarkingIdentityResolverConfiguration(config.IdentityResolverConfiguration);

        ClientEndpoint.Apply(config, settings.ServiceUrl, settings.Region);
        return config;
    }

    /// <remarks>With <see cref="WorkMailClientSettings.AssumeRole"/> the role credentials are not disposed with the
    /// client; callers that own the client use <see cref="CreateCredentials"/> and <see cref="Create(WorkMailClientSettings, AWSCredentials?)"/>.</remarks>
    public static AmazonWorkMailClient Create(WorkMailClientSettings settings) => Create(settings, CreateCredentials(settings));

    /// <param name="credentials">From <see cref="CreateCredentials"/>; null for the default chain.</param>
    public static AmazonWorkMailClient Create(WorkMailClientSettings settings, AWSCredentials? credentials)
    {
        var config = CreateConfig(settings);
        if (credentials is null)
        {
            SecurityTokenServiceRegistration.EnsureRegistered();
            return new AmazonWorkMailClient(config);
        }

        return new AmazonWorkMailClient(credentials, config);
    }

    /// <summary>What WorkMail calls are signed with: the role's refreshing credentials, the static keys, or null for
    /// the default chain. Role credentials are disposable and belong to the caller.</summary>
    public static AWSCredentials? CreateCredentials(WorkMailClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AssumeRole is not { } role)
        {
            return StaticCredentials(settings);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(role.RoleArn, nameof(settings));
        ArgumentException.ThrowIfNullOrWhiteSpace(role.SessionName, nameof(settings));

        // The STS client shares region, attempts and timeout with WorkMail: reject bad ones before building it.
        _ = CreateConfig(settings);

        return new AssumeRoleCredentials(StsClientFactory.Create(settings), role);
    }

    public static AWSCredentials? StaticCredentials(WorkMailClientSettings settings) => settings.Credentials switch
    {
        null => null,
        { SessionToken: null or "" } keys => new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
        var keys => new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken),
    };
}
