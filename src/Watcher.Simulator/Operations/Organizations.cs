using Watcher.Simulator.Jobs;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class Organizations
{
    public static void RequireActive(SimulatorStore store, string organizationId)
    {
        switch (store.GetStatus(organizationId))
        {
            case OrganizationStatus.NotFound:
                throw new AwsErrorException(AwsErrors.OrganizationNotFound(organizationId));
            case OrganizationStatus.Inactive:
                throw new AwsErrorException(AwsErrors.OrganizationState(organizationId));
        }
    }
}
