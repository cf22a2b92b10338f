namespace Watcher.WorkMail.Model;

/// <summary>One page of ListResources; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record ResourcePage(IReadOnlyList<DirectoryResource> Resources, string? NextToken);
