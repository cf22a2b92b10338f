namespace Watcher.WorkMail;

/// <summary>
/// One <see cref="IWorkMailExportJobs"/> per (region, role ARN, external id): a <see cref="WorkMailClientCache{TClient}"/>
/// that builds <see cref="WorkMailExportJobsClient"/> unless told otherwise. Thread-safe.
/// </summary>
/// <remarks>A role's session name does not take part in the key: the first client built for a key keeps its own.</remarks>
public sealed class WorkMailClientCache : IDisposable
{
    private readonly WorkMailClientCache<IWorkMailExportJobs> _inner;

    /// <param name="template">Everything but the region and the role (endpoints, retries, source credentials).</param>
    public WorkMailClientCache(WorkMailClientSettings template)
        : this(template, settings => new WorkMailExportJobsClient(settings))
    {
    }

    /// <param name="factory">Builds a client from the template with the key's region and role; for tests and decorators.</param>
    public WorkMailClientCache(WorkMailClientSettings template, Func<WorkMailClientSettings, IWorkMailExportJobs> factory) =>
        _inner = new WorkMailClientCache<IWorkMailExportJobs>(template, factory);

    /// <summary>How many clients are cached.</summary>
    public int Count => _inner.Count;

    /// <summary>The client for this region, signing as <paramref name="assumeRole"/> or, when null, with the template's credentials.</summary>
    /// <exception cref="ObjectDisposedException">The cache was disposed.</exception>
    public IWorkMailExportJobs Get(string region, WorkMailAssumeRole? assumeRole = null) => _inner.Get(region, assumeRole);

    /// <summary>Disposes every cached client.</summary>
    public void Dispose() => _inner.Dispose();
}
