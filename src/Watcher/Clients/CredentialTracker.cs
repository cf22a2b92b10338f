using Watcher.Check;
using Watcher.Health;
using Watcher.WorkMail;

namespace Watcher.Clients;

/// <summary>Tells <see cref="CredentialHealth"/> which calls of one client fail for credentials, with the hint, and which work.</summary>
/// <param name="call">The client's calls as hints name them; each call fills in its operation and organization.</param>
/// <param name="credentialSource">The kind of source the default chain picked; asked only when STS fails for it.</param>
internal sealed class CredentialTracker(CredentialHealth health, WorkMailCall call, Func<string> credentialSource)
{
    public async Task<T> TrackAsync<T>(string operation, string organizationId, Func<Task<T>> send)
    {
        var made = call with { Operation = operation, OrganizationId = organizationId };
        try
        {
            var result = await send();
            health.Succeeded(made);
            return result;
        }
        catch (WorkMailException ex) when (ex.CredentialsFailed || WorkMailErrorCodes.IsCredentials(ex.ErrorCode))
        {
            health.Failed(made, ex, CheckHints.For(ex, made, credentialSource));
            throw;
        }
        catch (WorkMailException ex) when (WorkMailErrorCodes.IsMissing(ex.ErrorCode))
        {
            // Not found is an answer to a call that was let in.
            health.Succeeded(made);
            throw;
        }
    }
}
