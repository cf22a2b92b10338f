namespace Watcher.Coverage;

/// <summary>Where a counted mailbox came from: ListUsers (role USER) or ListResources (a room or equipment).</summary>
public enum MailboxKind
{
    User,
    Resource,
}
