namespace Watcher.Simulator;

/// <summary>Every request received, in arrival order of completion. Thread-safe.</summary>
public sealed class SimulatorRequestLog
{
    private readonly Lock gate = new();
    private readonly List<SimulatorRequest> requests = [];

    /// <summary>A snapshot.</summary>
    public IReadOnlyList<SimulatorRequest> All
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public int Count(string operation)
    {
        lock (gate)
        {
            return requests.Count(r => r.Operation == operation);
        }
    }

    public int Count(string operation, string organizationId)
    {
        lock (gate)
        {
            return requests.Count(r => r.Operation == operation && r.OrganizationId == organizationId);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    internal void Add(SimulatorRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }
}
