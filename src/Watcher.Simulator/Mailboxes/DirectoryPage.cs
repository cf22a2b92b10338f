namespace Watcher.Simulator.Mailboxes;

/// <summary>One page of ListUsers or ListResources; <see cref="LastId"/> is the cursor for the next page, null on the last.</summary>
internal sealed record DirectoryPage<T>(IReadOnlyList<T> Entries, string? LastId);
