using Amazon.Runtime;

namespace Watcher.WorkMail.Client;

/// <summary>The SDK's default-configuration modes (the values every generated service carries).</summary>
internal static class AmazonWorkMailDefaultConfiguration
{
    public static IDefaultConfiguration Standard { get; } = Create(DefaultConfigurationMode.Standard, RequestRetryMode.Standard, 3100);

    public static IDefaultConfiguration InRegion { get; } = Create(DefaultConfigurationMode.InRegion, RequestRetryMode.Standard, 1100);

    public static IDefaultConfiguration CrossRegion { get; } = Create(DefaultConfigurationMode.CrossRegion, RequestRetryMode.Standard, 3100);

    public static IDefaultConfiguration Mobile { get; } = Create(DefaultConfigurationMode.Mobile, RequestRetryMode.Standard, 30000);

    public static IDefaultConfiguration Auto { get; } = Create(DefaultConfigurationMode.Auto, RequestRetryMode.Standard, 1100);

    public static IEnumerable<IDefaultConfiguration> GetAllConfigurations() => [Standard, InRegion, CrossRegion, Mobile, Auto];

    private static DefaultConfiguration Create(DefaultConfigurationMode mode, RequestRetryMode retryMode, int connectMilliseconds) => new()
    {
        Name = mode,
        RetryMode = retryMode,
        ConnectTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
        TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
    };
}
