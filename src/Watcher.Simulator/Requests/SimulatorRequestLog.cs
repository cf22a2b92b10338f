namespace Watcher.Simulator;

/// <summary>Every request received, in arrival order of completion. Thread-safe.</summary>
public sealed class SimulatorRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<SimulatorRequest> _requests = [];

    /// <summary>A snapshot.</summary>
    public IReadOnlyList<SimulatorRequest> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int Count(string operation)
    {
        lock (_gate)
        {
            return _requests.Count(r => r.Operation == operation);
        }
    }

    public int Count(string operation, string organizationId)
    {
        lock (_gate)
        {
            return _requests.Count(r => r.Operation == operation && r.OrganizationId == organizationId);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    internal void Add(SimulatorRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}
