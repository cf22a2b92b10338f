namespace Watcher.WorkMail.Model;

/// <summary>The modeled values of ResourceType.</summary>
public enum ResourceType
{
    Room,
    Equipment,
}
