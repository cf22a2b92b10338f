using Amazon;
using Amazon.Runtime;

namespace Watcher.WorkMail.Adapter;

/// <summary>Points an SDK client config at a region or a custom URL, and always signs for the region.</summary>
internal static class ClientEndpoint
{
    public static void Apply(ClientConfig config, Uri? serviceUrl, string region)
    {
        if (serviceUrl is not null)
        {
            // ServiceURL clears RegionEndpoint; the signing region is then AuthenticationRegion.
            config.ServiceURL = serviceUrl.AbsoluteUri;
        }
        else
        {
            // AWS_ENDPOINT_URL_<SERVICE>, when set, still overrides the endpoint rules through ServiceURL.
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        // Without this a ServiceURL-only config silently signs for us-east-1.
        config.AuthenticationRegion = region;
    }
}
