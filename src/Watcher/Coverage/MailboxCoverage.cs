using Watcher.WorkMail.Model;

namespace Watcher.Coverage;

/// <summary>One counted mailbox as of a scan: who it is, and its last completed and last failed export.</summary>
public sealed record MailboxCoverage(
    string Id,
    string? Email,
    string? Name,
    MailboxKind Kind,
    EntityState State,
    DateTimeOffset? LastCompletedAt,
    MailboxFailure? LastFailure);
