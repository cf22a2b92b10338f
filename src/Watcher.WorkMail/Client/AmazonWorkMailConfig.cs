using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;
using Watcher.WorkMail.Client.Endpoints;

namespace Watcher.WorkMail.Client;

/// <summary>Configuration of <see cref="AmazonWorkMailClient"/>, written the way the generated configs are.</summary>
internal sealed class AmazonWorkMailConfig : ClientConfig
{
    public const string ServiceIdValue = "WorkMail";

    public const string SigningName = "workmail";

    private const string ClientVersion = "1.0.0";

    private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString(ServiceIdValue, ClientVersion);

    private static readonly AmazonWorkMailEndpointResolver EndpointResolver = new();

    public AmazonWorkMailConfig()
        : base(new DefaultConfigurationProvider(AmazonWorkMailDefaultConfiguration.GetAllConfigurations()))
    {
        ServiceId = ServiceIdValue;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new AmazonWorkMailEndpointProvider();
    }

    /// <summary>Called once per retry by <see cref="Pipeline.RetryObserverHandler"/>; not an SDK setting.</summary>
    public Action<WorkMailRetry>? OnRetry { get; set; }

    /// <summary>Called once per retry the SDK's retry quota refused, by <see cref="Pipeline.RetryQuotaObserverHandler"/>; not an SDK setting.</summary>
    public Action<WorkMailRetry>? OnRetryRefused { get; set; }

    /// <summary>Awaited before every HTTP attempt by <see cref="Pipeline.BeforeAttemptHandler"/>; not an SDK setting.</summary>
    public Func<CancellationToken, ValueTask>? BeforeAttempt { get; set; }

    public override string RegionEndpointServiceName => SigningName;

    public override string ServiceVersion => "2017-10-01";

    public override string UserAgent => UserAgentString;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, ServiceId) { AlternateEndpoint = parameters.AlternateEndpoint },
        };

        var executionContext = new Amazon.Runtime.Internal.ExecutionContext(requestContext, null);
        return EndpointResolver.GetEndpoint(executionContext);
    }
}
