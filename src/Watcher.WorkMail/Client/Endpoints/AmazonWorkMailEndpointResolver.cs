using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Watcher.WorkMail.Client.Endpoints;

/// <summary>
/// The pipeline handler that feeds the client's configuration into <see cref="AmazonWorkMailEndpointProvider"/>
/// (or whichever provider the config carries) and applies the resolved endpoint to the request.
/// </summary>
internal sealed class AmazonWorkMailEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = (AmazonWorkMailConfig)requestContext.ClientConfig;
        var result = new WorkMailEndpointParameters
        {
            Region = config.RegionEndpoint?.SystemName,
            UseDualStack = config.UseDualstackEndpoint,
            UseFIPS = config.UseFIPSEndpoint,
            Endpoint = config.ServiceURL,
        };

        // With only a ServiceURL the region comes from the signing region, as the generated resolvers do.
        if (result.Region is null && !string.IsNullOrEmpty(config.AuthenticationRegion))
        {
            result.Region = config.AuthenticationRegion;
        }

        if (requestContext.Request.AlternateEndpoint is not null)
        {
            result.Region = requestContext.Request.AlternateEndpoint.SystemName;
        }

        return result;
    }
}
