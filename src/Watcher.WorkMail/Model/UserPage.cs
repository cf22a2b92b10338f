namespace Watcher.WorkMail.Model;

/// <summary>One page of ListUsers; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record UserPage(IReadOnlyList<DirectoryUser> Users, string? NextToken);
