namespace Watcher.Simulator.Jobs;

internal enum OrganizationStatus
{
    NotFound,
    Inactive,
    Active,
}
