namespace Watcher.Coverage;

/// <summary>A mailbox of an organization, as export jobs name it (their EntityId).</summary>
public readonly record struct MailboxKey(string OrganizationId, string EntityId);
