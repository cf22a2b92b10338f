using Watcher.WorkMail;

namespace Watcher.Clients;

/// <summary>The metered, bounded views over one SDK client of a (region, role); disposing it disposes that client once.</summary>
internal sealed record WorkMailClientViews(IWorkMailExportJobs ExportJobs, IWorkMailDirectory Directory, IDisposable Owned) : IDisposable
{
    public void Dispose() => Owned.Dispose();
}
