using Watcher.WorkMail.Model;

namespace Watcher.WorkMail.Tests;

public sealed class WorkMailDirectoryPagingTests
{
    private const string OrganizationId = "m-0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task ListAllUsersAsync_ThreePages_ConcatenatesInOrderAndPassesTokens()
    {
        var directory = new PagedDirectory(("a", "t1"), ("b", "t2"), ("c", null));

        var users = await WorkMailDirectoryPaging.ListAllUsersAsync(directory, OrganizationId, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], users.Select(u => u.Id));
        Assert.Equal([null, "t1", "t2"], directory.TokensAsked);
        Assert.All(directory.PageSizesAsked, size => Assert.Equal(WorkMailDirectoryPaging.PageSize, size));
    }

    [Fact]
    public async Task ListAllUsersAsync_TokenRepeated_StopsWithErrorNamingTheOperation()
    {
        var directory = new PagedDirectory(("a", "t1"), ("b", "t2"), ("c", "t1"), ("never", null));

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => WorkMailDirectoryPaging.ListAllUsersAsync(directory, OrganizationId, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Contains("ListUsers", exception.Message, StringComparison.Ordinal);
        Assert.Contains(OrganizationId, exception.Message, StringComparison.Ordinal);
        Assert.Contains("already returned", exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, directory.TokensAsked.Count);
    }

    [Fact]
    public async Task ListAllResourcesAsync_SameTokenEveryPage_StopsAfterSecondPage()
    {
        var directory = new PagedDirectory(("a", "same"), ("b", "same"), ("c", null));

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => WorkMailDirectoryPaging.ListAllResourcesAsync(directory, OrganizationId, CancellationToken.None));

        Assert.Contains("ListResources", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, directory.TokensAsked.Count);
    }

    [Fact]
    public async Task ListAllUsersAsync_MorePagesThanCap_StopsAtCapNamingIt()
    {
        var directory = new PagedDirectory(("a", "t1"), ("b", "t2"), ("c", "t3"), ("d", null));

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => WorkMailDirectoryPaging.ListAllUsersAsync(directory, OrganizationId, CancellationToken.None, maxPages: 3));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Contains("after 3", exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, directory.TokensAsked.Count);
    }

    [Fact]
    public async Task ListAllUsersAsync_PageFails_ErrorPassesThrough()
    {
        var directory = new PagedDirectory(("a", "t1")) { FailOnPage = 2 };

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => WorkMailDirectoryPaging.ListAllUsersAsync(directory, OrganizationId, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.ThrottlingException, exception.ErrorCode);
    }

    /// <summary>Answers pages of one entry each: (id, next token).</summary>
    private sealed class PagedDirectory(params (string Id, string? Next)[] pages) : IWorkMailDirectory
    {
        public List<string?> TokensAsked { get; } = [];

        public List<int> PageSizesAsked { get; } = [];

        public int? FailOnPage { get; init; }

        public Task<UserPage> ListUsersAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
        {
            var (id, next) = Next(nextToken, maxResults);
            return Task.FromResult(new UserPage([new DirectoryUser(id, null, id, null, EntityState.Enabled, UserRole.User, null, null)], next));
        }

        public Task<ResourcePage> ListResourcesAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
        {
            var (id, next) = Next(nextToken, maxResults);
            return Task.FromResult(new ResourcePage([new DirectoryResource(id, null, id, ResourceType.Room, EntityState.Enabled, null, null)], next));
        }

        private (string Id, string? Next) Next(string? token, int maxResults)
        {
            TokensAsked.Add(token);
            PageSizesAsked.Add(maxResults);
            if (TokensAsked.Count == FailOnPage)
            {
                throw new WorkMailException(WorkMailErrorCodes.ThrottlingException, "throttled");
            }

            return pages[TokensAsked.Count - 1];
        }
    }
}
