using Watcher.WorkMail.Model;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Roles;

public sealed class WorkMailClientCacheTests
{
    private static readonly WorkMailAssumeRole RoleA = new("arn:aws:iam::111111111111:role/Reader", "external-a");
    private static readonly WorkMailAssumeRole RoleB = new("arn:aws:iam::222222222222:role/Reader", "external-b");

    [Fact]
    public void Get_SameRegionAndRole_SameInstanceBuiltOnce()
    {
        var built = new List<WorkMailClientSettings>();
        using var cache = new WorkMailClientCache(Template(), s => Record(built, s));

        var first = cache.Get("eu-west-1", RoleA);
        var second = cache.Get("eu-west-1", RoleA with { SessionName = "other-session" });

        Assert.Same(first, second);
        var settings = Assert.Single(built);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal(RoleA, settings.AssumeRole);
        Assert.Equal(Template().ServiceUrl, settings.ServiceUrl);
    }

    [Fact]
    public void Get_DifferentRegionRoleOrExternalId_DifferentInstances()
    {
        using var cache = new WorkMailClientCache(Template(), _ => new FakeClient());

        var clients = new[]
        {
            cache.Get("eu-west-1", RoleA),
            cache.Get("us-east-1", RoleA),
            cache.Get("eu-west-1", RoleB),
            cache.Get("eu-west-1", RoleA with { ExternalId = "external-other" }),
            cache.Get("eu-west-1"),
        };

        Assert.Equal(clients.Length, clients.Distinct().Count());
        Assert.Equal(clients.Length, cache.Count);
    }

    [Fact]
    public void Dispose_CachedClients_DisposesEachOnceAndRefusesNewOnes()
    {
        var cache = new WorkMailClientCache(Template(), _ => new FakeClient());
        var a = (FakeClient)cache.Get("eu-west-1", RoleA);
        var b = (FakeClient)cache.Get("us-west-2", RoleB);

        cache.Dispose();
        cache.Dispose();

        Assert.Equal(1, a.DisposeCount);
        Assert.Equal(1, b.DisposeCount);
        Assert.Equal(0, cache.Count);
        Assert.Throws<ObjectDisposedException>(() => cache.Get("eu-west-1", RoleA));
    }

    [Fact]
    public void Get_DefaultFactory_BuildsWorkMailExportJobsClients()
    {
        using var cache = new WorkMailClientCache(Template());

        var client = cache.Get("eu-west-1", RoleA);

        Assert.IsType<WorkMailExportJobsClient>(client);
        Assert.Same(client, cache.Get("eu-west-1", RoleA));
    }

    [Fact]
    public void Get_BlankRegion_ThrowsArgumentException()
    {
        using var cache = new WorkMailClientCache(Template(), _ => new FakeClient());

        Assert.ThrowsAny<ArgumentException>(() => cache.Get(" ", RoleA));
        Assert.Equal(0, cache.Count);
    }

    private static WorkMailClientSettings Template() => TestSettings.For(new Uri("http://127.0.0.1:9/"));

    private static FakeClient Record(List<WorkMailClientSettings> built, WorkMailClientSettings settings)
    {
        built.Add(settings);
        return new FakeClient();
    }

    private sealed class FakeClient : IWorkMailExportJobs, IDisposable
    {
        public int DisposeCount { get; private set; }

        public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public void Dispose() => DisposeCount++;
    }
}
