using Watcher.Simulator.Jobs;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class Organizations
{
    /// <summary>An organization of another region is answered as unknown, as that region's endpoint does.</summary>
    public static void RequireActive(OperationContext context, string organizationId)
    {
        switch (context.Store.GetStatus(organizationId, context.Region, context.PrimaryRegion))
        {
            case OrganizationStatus.NotFound:
                throw new AwsErrorException(AwsErrors.OrganizationNotFound(organizationId));
            case OrganizationStatus.Inactive:
                throw new AwsErrorException(AwsErrors.OrganizationState(organizationId));
        }
    }
}
