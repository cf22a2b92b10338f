namespace Watcher.WorkMail.Model;

/// <summary>The modeled values of UserRole.</summary>
public enum UserRole
{
    User,
    Resource,
    SystemUser,
    RemoteUser,
}
