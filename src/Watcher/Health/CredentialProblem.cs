namespace Watcher.Health;

/// <summary>One credentials problem WorkMail calls have now, as the status page shows it: calls that fail with the
/// same hint are one problem, however many organizations, regions or operations they span.</summary>
/// <param name="ErrorCode">The error code of the latest failure.</param>
/// <param name="ErrorMessage">Its message (never a key or a token: see WorkMailExceptionMapper).</param>
/// <param name="Hint">What to do, the same text <c>watcher check</c> prints.</param>
/// <param name="OrganizationIds">The organizations whose calls failed this way, in order.</param>
/// <param name="Since">When the first of these calls failed.</param>
/// <param name="LastSeenAt">When the latest one did.</param>
internal sealed record CredentialProblem(
    string ErrorCode,
    string ErrorMessage,
    string Hint,
    IReadOnlyList<string> OrganizationIds,
    DateTimeOffset Since,
    DateTimeOffset LastSeenAt);
