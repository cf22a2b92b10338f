using Watcher.WorkMail.Model;

namespace Watcher.WorkMail;

/// <summary>
/// Walks every page of ListUsers or ListResources. A NextToken that comes back a second time, or more than a set
/// number of pages, ends the walk with a <see cref="WorkMailException"/> naming the operation, instead of looping
/// for ever on a service (or proxy) that keeps answering the same page.
/// </summary>
public static class WorkMailDirectoryPaging
{
    /// <summary>The model's largest page.</summary>
    public const int PageSize = 100;

    /// <summary>The default page cap: 100 000 entries at full pages, ten times the largest organization Watcher plans for.</summary>
    public const int DefaultMaxPages = 1_000;

    public static Task<IReadOnlyList<DirectoryUser>> ListAllUsersAsync(
        IWorkMailDirectory directory, string organizationId, CancellationToken cancellationToken, int maxPages = DefaultMaxPages, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return WalkAsync(
            WorkMailOperations.ListUsers,
            organizationId,
            maxPages,
            async token =>
            {
                var page = await directory.ListUsersAsync(organizationId, token, pageSize, cancellationToken).ConfigureAwait(false);
                return (page.Users, page.NextToken);
            });
    }

    public static Task<IReadOnlyList<DirectoryResource>> ListAllResourcesAsync(
        IWorkMailDirectory directory, string organizationId, CancellationToken cancellationToken, int maxPages = DefaultMaxPages, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return WalkAsync(
            WorkMailOperations.ListResources,
            organizationId,
            maxPages,
            async token =>
            {
                var page = await directory.ListResourcesAsync(organizationId, token, pageSize, cancellationToken).ConfigureAwait(false);
                return (page.Resources, page.NextToken);
            });
    }

    private static async Task<IReadOnlyList<T>> WalkAsync<T>(
        string operation, string organizationId, int maxPages, Func<string?, Task<(IReadOnlyList<T> Items, string? NextToken)>> fetch)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var items = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var pages = 0; ; pages++)
        {
            if (pages == maxPages)
            {
                throw new WorkMailException(
                    WorkMailErrorCodes.MalformedResponse,
                    $"{operation} for {organizationId} still had more pages after {maxPages} ({items.Count} entries); stopped there.");
            }

            var (page, next) = await fetch(token).ConfigureAwait(false);
            items.AddRange(page);
            if (string.IsNullOrEmpty(next))
            {
                return items;
            }

            if (!seen.Add(next))
            {
                // The token is opaque and may be long: say which page repeated, not the token itself.
                throw new WorkMailException(
                    WorkMailErrorCodes.MalformedResponse,
                    $"{operation} for {organizationId} returned a NextToken it had already returned (page {pages + 1}); stopped paging to avoid a loop.");
            }

            token = next;
        }
    }
}
