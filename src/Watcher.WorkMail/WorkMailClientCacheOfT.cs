using Watcher.WorkMail.Roles;

namespace Watcher.WorkMail;

/// <summary>
/// One <typeparamref name="TClient"/> per (region, role ARN, external id), built from a template on first use and
/// kept until <see cref="Dispose"/>, so that each role's credentials are assumed and refreshed once, not per call.
/// Thread-safe. <see cref="WorkMailClientCache"/> is the same for plain <see cref="IWorkMailExportJobs"/>.
/// </summary>
/// <remarks>A role's session name does not take part in the key: the first client built for a key keeps its own.</remarks>
/// <typeparam name="TClient">What is cached per key, e.g. a set of decorated views over one SDK client; disposed with the cache when disposable.</typeparam>
public sealed class WorkMailClientCache<TClient> : IDisposable
    where TClient : class
{
    private readonly WorkMailClientSettings _template;
    private readonly Func<WorkMailClientSettings, TClient> _factory;
    private readonly Lock _gate = new();
    private readonly Dictionary<WorkMailClientKey, TClient> _clients = [];
    private bool _disposed;

    /// <param name="template">Everything but the region and the role (endpoints, retries, source credentials).</param>
    /// <param name="factory">Builds a client from the template with the key's region and role.</param>
    public WorkMailClientCache(WorkMailClientSettings template, Func<WorkMailClientSettings, TClient> factory)
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
    public TClient Get(string region, WorkMailAssumeRole? assumeRole = null)
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
        List<TClient> owned;
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
