using Watcher.WorkMail.Roles;

namespace Watcher.WorkMail;

/// <summary>
/// One <see cref="IWorkMailExportJobs"/> per (region, role ARN, external id), built from a template on first use and
/// kept until <see cref="Dispose"/>, so that each role's credentials are assumed and refreshed once, not per call.
/// Thread-safe.
/// </summary>
/// <remarks>A role's session name does not take part in the key: the first client built for a key keeps its own.</remarks>
public sealed class WorkMailClientCache : IDisposable
{
    private readonly WorkMailClientSettings _template;
    private readonly Func<WorkMailClientSettings, IWorkMailExportJobs> _factory;
    private readonly Lock _gate = new();
    private readonly Dictionary<WorkMailClientKey, IWorkMailExportJobs> _clients = [];
    private bool _disposed;

    /// <param name="template">Everything but the region and the role (endpoints, retries, source credentials).</param>
    public WorkMailClientCache(WorkMailClientSettings template)
        : this(template, settings => new WorkMailExportJobsClient(settings))
    {
    }

    /// <param name="factory">Builds a client from the template with the key's region and role; for tests and decorators.</param>
    public WorkMailClientCache(WorkMailClientSettings template, Func<WorkMailClientSettings, IWorkMailExportJobs> factory)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(factory);
        _template = template;
        _factory = factory;
    }

    /// <summary>How many clients are cached.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>The client for this region, signing as <paramref name="assumeRole"/> or, when null, with the template's credentials.</summary>
    /// <exception cref="ObjectDisposedException">The cache was disposed.</exception>
    public IWorkMailExportJobs Get(string region, WorkMailAssumeRole? assumeRole = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var key = WorkMailClientKey.Of(region, assumeRole);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_clients.TryGetValue(key, out var client))
            {
                // Building a client makes no network call, so holding the lock here is cheap.
                client = _factory(_template with { Region = region, AssumeRole = assumeRole });
                _clients.Add(key, client);
            }

            return client;
        }
    }

    /// <summary>Disposes every cached client.</summary>
    public void Dispose()
    {
        List<IWorkMailExportJobs> owned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            owned = [.. _clients.Values];
            _clients.Clear();
        }

        foreach (var client in owned)
        {
            (client as IDisposable)?.Dispose();
        }
    }
}
