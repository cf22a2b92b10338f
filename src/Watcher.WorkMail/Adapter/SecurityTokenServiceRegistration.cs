using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;

namespace Watcher.WorkMail.Adapter;

/// <summary>
/// Web identity (IRSA) credentials need an STS client. The Core finds AWSSDK.SecurityToken by reflection,
/// which a trimmed or native-AOT build cannot do; registering a factory makes the dependency explicit.
/// </summary>
internal static class SecurityTokenServiceRegistration
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        GlobalRuntimeDependencyRegistry.Instance.RegisterSecurityTokenServiceClient(Create);
    }

    // The same client the Core would build by reflection: anonymous (the call itself is unsigned), in the
    // region and behind the proxy the credential provider asks for. AWS_ENDPOINT_URL_STS still applies.
    private static AmazonSecurityTokenServiceClient Create(CreateInstanceContext context)
    {
        var data = context.SecurityTokenServiceClientContextData;
        var config = new AmazonSecurityTokenServiceConfig();
        if (data?.Region is { } region)
        {
            config.RegionEndpoint = region;
        }

        if (data?.ProxySettings is { } proxy)
        {
            config.SetWebProxy(proxy);
        }

        return new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config);
    }
}
