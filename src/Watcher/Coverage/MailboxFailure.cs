namespace Watcher.Coverage;

/// <summary>The latest FAILED export of a mailbox that the job store holds, with WorkMail's ErrorInfo when it was described.</summary>
public sealed record MailboxFailure(string JobId, string? ErrorInfo, DateTimeOffset At);
