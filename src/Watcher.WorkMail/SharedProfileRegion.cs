using Amazon.Runtime.CredentialManagement;

namespace Watcher.WorkMail;

/// <summary>Reads the region of a profile in the shared AWS config and credentials files.</summary>
public static class SharedProfileRegion
{
    /// <summary>The region of <paramref name="profileName"/> (or <c>default</c>), or null when it names none.</summary>
    public static string? Find(string? profileName)
    {
        var name = string.IsNullOrWhiteSpace(profileName) ? "default" : profileName;
        try
        {
            return new CredentialProfileStoreChain().TryGetProfile(name, out var profile)
                ? profile.Region?.SystemName
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // An unreadable profile is no region; validation then says which setting is missing.
            return null;
        }
    }
}
