using System.Globalization;
using Watcher.Clients;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Soak.Tests.Support;

/// <summary>
/// An in-process WorkMail organization where jobs start one after another, forever: each cycle
/// <see cref="NewPerCycle"/> jobs appear, and ListMailboxExportJobs shows only the newest <see cref="Listed"/>.
/// Every answer is computed from the job's index and the current cycle, so the fake itself holds nothing that
/// grows with the jobs it has served.
/// </summary>
/// <remarks>
/// A job is RUNNING in its first cycle and terminal from its second (FAILED every 7th, CANCELLED every 11th,
/// else COMPLETED); every 13th job runs for three cycles instead, so it can leave the listing while still running.
/// </remarks>
internal sealed class ChurningWorkMail : IWorkMailExportJobs, IWorkMailClients
{
    private const string Prefix = "job-";

    private readonly IWorkMailExportJobs _client;
    private int _cycle;
    private long _listCalls;
    private long _describeCalls;

    /// <param name="wrap">Wraps the fake as the real clients are wrapped, e.g. in the metering decorator.</param>
    public ChurningWorkMail(string organizationId, int total, int newPerCycle, int listed, DateTimeOffset origin, TimeSpan step, Func<IWorkMailExportJobs, IWorkMailExportJobs> wrap)
    {
        ArgumentNullException.ThrowIfNull(wrap);
        OrganizationId = organizationId;
        Total = total;
        NewPerCycle = newPerCycle;
        Listed = listed;
        Origin = origin;
        Step = step;
        _client = wrap(this);
    }

    public string OrganizationId { get; }

    /// <summary>How many distinct jobs there will ever be.</summary>
    public int Total { get; }

    public int NewPerCycle { get; }

    /// <summary>How many of the newest jobs the listing shows.</summary>
    public int Listed { get; }

    /// <summary>When cycle 0 starts.</summary>
    public DateTimeOffset Origin { get; }

    /// <summary>Simulated time between cycles.</summary>
    public TimeSpan Step { get; }

    /// <summary>The cycle whose answers the fake gives; the test moves it on between polls.</summary>
    public int Cycle
    {
        get => Volatile.Read(ref _cycle);
        set => Volatile.Write(ref _cycle, value);
    }

    /// <summary>Jobs that have started by the current cycle.</summary>
    public int Started => (int)Math.Min(Total, (Cycle + 1L) * NewPerCycle);

    /// <summary>The cycle in which the last job starts.</summary>
    public int LastCycle => (Total - 1) / NewPerCycle;

    public long ListCalls => Interlocked.Read(ref _listCalls);

    public long DescribeCalls => Interlocked.Read(ref _describeCalls);

    public IWorkMailExportJobs OwnRegion => _client;

    public IWorkMailExportJobs ForOrganization(string? region, string? roleArn, string? externalId) => _client;

    /// <summary>The churn is in export jobs only; the organization's directory is empty.</summary>
    public IWorkMailDirectory DirectoryForOrganization(string? region, string? roleArn, string? externalId) => EmptyDirectory.Instance;

    public static string JobId(int index) => Prefix + index.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The index in a job ID this fake made, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> jobId) =>
        jobId.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(jobId[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : -1;

    /// <summary>The index in a job ID this fake made, read from UTF-8 bytes; -1 for anything else.</summary>
    public static int IndexOf(ReadOnlySpan<byte> jobId) =>
        jobId.StartsWith("job-"u8) && System.Buffers.Text.Utf8Parser.TryParse(jobId[Prefix.Length..], out int index, out var consumed) && consumed == jobId.Length - Prefix.Length
            ? index
            : -1;

    public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _describeCalls);
        var index = IndexOf(jobId);
        if (organizationId != OrganizationId || index < 0 || index >= Started)
        {
            throw new WorkMailException("EntityNotFoundException", $"The job {jobId} does not exist.", 400);
        }

        return Task.FromResult(Details(index, Cycle));
    }

    public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listCalls);
        if (organizationId != OrganizationId)
        {
            throw new WorkMailException("EntityNotFoundException", $"The organization {organizationId} does not exist.", 400);
        }

        // Newest first, as WorkMail lists them.
        var cycle = Cycle;
        var newest = Started - 1;
        var oldest = Math.Max(0, Started - Listed);
        var skip = nextToken is null ? 0 : int.Parse(nextToken, CultureInfo.InvariantCulture);
        var first = newest - skip;
        var count = Math.Max(0, Math.Min(maxResults, first - oldest + 1));
        var page = new List<ExportJobSummary>(count);
        for (var index = first; index > first - count; index--)
        {
            var d = Details(index, cycle);
            page.Add(new ExportJobSummary(d.JobId, d.EntityId, d.Description, d.S3BucketName, d.S3Path, d.EstimatedProgress, d.State, d.StartTime, d.EndTime));
        }

        var next = first - count >= oldest ? (skip + count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ExportJobPage(page, next));
    }

    /// <summary>What DescribeMailboxExportJob says of job <paramref name="index"/> in <paramref name="cycle"/>.</summary>
    public ExportJobDetails Details(int index, int cycle)
    {
        var age = cycle - (index / NewPerCycle);
        var start = Origin + TimeSpan.FromTicks(Step.Ticks * index / NewPerCycle) - Step;
        var runsFor = index % 13 == 0 ? 3 : 1;
        var (state, progress) = age < runsFor
            ? (ExportJobState.Running, Math.Min(99, (index % 50) + (age * 10)))
            : index % 7 == 0 ? (ExportJobState.Failed, 40)
            : index % 11 == 0 ? (ExportJobState.Cancelled, 20)
            : (ExportJobState.Completed, 100);
        var jobId = JobId(index);
        return new ExportJobDetails(
            OrganizationId, jobId, "entity-" + jobId, "export " + jobId, "arn:aws:iam::111122223333:role/export", "arn:aws:kms:us-east-1:111122223333:key/k",
            "bucket", "prefix", "s3://bucket/prefix/" + jobId + ".zip", progress, state,
            state == ExportJobState.Failed ? "failed at " + jobId : null,
            start,
            state == ExportJobState.Running ? null : start + (Step * runsFor));
    }

    private sealed class EmptyDirectory : IWorkMailDirectory
    {
        public static EmptyDirectory Instance { get; } = new();

        public Task<UserPage> ListUsersAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
            Task.FromResult(new UserPage([], null));

        public Task<ResourcePage> ListResourcesAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
            Task.FromResult(new ResourcePage([], null));
    }
}
