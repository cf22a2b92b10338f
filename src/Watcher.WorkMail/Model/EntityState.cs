namespace Watcher.WorkMail.Model;

/// <summary>The modeled values of EntityState, the state of a user or resource.</summary>
public enum EntityState
{
    Enabled,
    Disabled,
    Deleted,
}
