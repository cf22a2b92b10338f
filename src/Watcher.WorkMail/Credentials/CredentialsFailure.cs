namespace Watcher.WorkMail.Credentials;

/// <summary>
/// Marks an exception as thrown while getting the credentials a call is signed with, and which source failed. The SDK
/// gives such failures no error code and a type shared with many others; the mark travels on the exception itself so
/// that the SDK still retries it as it always has.
/// </summary>
internal static class CredentialsFailure
{
    private const string SourceKey = "Watcher.WorkMail.CredentialsSource";

    /// <param name="source">One of <see cref="WorkMailCredentialSources"/>' kinds; <c>none</c> when the default chain found nothing.</param>
    public static void Mark(Exception exception, string source) => exception.Data[SourceKey] = source;

    /// <summary>The first marked exception in the chain of inner exceptions, and the source that failed.</summary>
    public static (Exception Exception, string Source)? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current.Data[SourceKey] is string source)
            {
                return (current, source);
            }
        }

        return null;
    }
}
