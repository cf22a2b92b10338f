using Watcher.Health;
using Watcher.WorkMail;

namespace Watcher.Clients;

public static class WorkMailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WorkMail clients: SDK-based, metered, watched for credential failures (<see cref="CredentialHealth"/>),
    /// behind one concurrency bound, one per (region, role).
    /// Credentials come from the SDK's default chain unless a <see cref="WorkMailStaticCredentials"/>
    /// singleton is registered (the demo does that for the simulator's keys).
    /// </summary>
    public static IServiceCollection AddWorkMail(this IServiceCollection services)
    {
        services.AddSingleton<CredentialHealth>();
        services.AddSingleton<IWorkMailClients, WorkMailClients>();
        return services;
    }
}
