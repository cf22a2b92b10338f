using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Watcher.WorkMail.Client.Auth;
using Watcher.WorkMail.Client.Endpoints;
using Watcher.WorkMail.Client.Model;
using Watcher.WorkMail.Client.Pipeline;
using Watcher.WorkMail.Client.Transform;

namespace Watcher.WorkMail.Client;

/// <summary>
/// A hand-written WorkMail client for the operations Watcher uses, built on AWSSDK.Core the way the
/// generated clients are: SigV4, credentials, retries and endpoint rules all come from the Core pipeline.
/// </summary>
internal sealed class AmazonWorkMailClient : AmazonServiceClient
{
    private static readonly AmazonWorkMailServiceMetadata Metadata = new();

    /// <summary>Uses the SDK's default credential chain, resolved on each request.</summary>
    public AmazonWorkMailClient(AmazonWorkMailConfig config)
        : base(config)
    {
    }

    public AmazonWorkMailClient(AWSCredentials credentials, AmazonWorkMailConfig config)
        : base(credentials, config)
    {
    }

    protected override IServiceMetadata ServiceMetadata => Metadata;

    public Task<DescribeMailboxExportJobResponse> DescribeMailboxExportJobAsync(
        DescribeMailboxExportJobRequest request,
        CancellationToken cancellationToken = default)
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = DescribeMailboxExportJobRequestMarshaller.Instance,
            ResponseUnmarshaller = DescribeMailboxExportJobResponseUnmarshaller.Instance,
        };
        return InvokeAsync<DescribeMailboxExportJobResponse>(request, options, cancellationToken);
    }

    public Task<ListMailboxExportJobsResponse> ListMailboxExportJobsAsync(
        ListMailboxExportJobsRequest request,
        CancellationToken cancellationToken = default)
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = ListMailboxExportJobsRequestMarshaller.Instance,
            ResponseUnmarshaller = ListMailboxExportJobsResponseUnmarshaller.Instance,
        };
        return InvokeAsync<ListMailboxExportJobsResponse>(request, options, cancellationToken);
    }

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default)
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = ListUsersRequestMarshaller.Instance,
            ResponseUnmarshaller = ListUsersResponseUnmarshaller.Instance,
        };
        return InvokeAsync<ListUsersResponse>(request, options, cancellationToken);
    }

    public Task<ListResourcesResponse> ListResourcesAsync(ListResourcesRequest request, CancellationToken cancellationToken = default)
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = ListResourcesRequestMarshaller.Instance,
            ResponseUnmarshaller = ListResourcesResponseUnmarshaller.Instance,
        };
        return InvokeAsync<ListResourcesResponse>(request, options, cancellationToken);
    }

    /// <summary>
    /// Without this the Core's generic endpoint resolver runs, no auth scheme is chosen and the signer throws a
    /// NullReferenceException before anything is sent.
    /// </summary>
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new AmazonWorkMailEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new AmazonWorkMailAuthSchemeHandler());
        pipeline.AddHandlerAfter<RetryHandler>(new RetryObserverHandler());
        pipeline.AddHandlerAfter<RetryHandler>(new BeforeAttemptHandler());
        pipeline.AddHandlerBefore<EndpointDiscoveryHandler>(new CredentialsHandler());
    }
}
