using System.Text;

namespace Watcher.Simulator.Operations;

/// <summary>
/// The opaque NextToken of ListUsers and ListResources: the last id sent, bound to its operation and organization, so
/// that a token of another listing or organization is refused rather than silently starting somewhere else.
/// </summary>
internal static class DirectoryToken
{
    private const string Version = "d1";

    public static string Encode(string operation, string organizationId, string lastId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Version}\n{operation}\n{organizationId}\n{lastId}"));

    /// <returns>The last id sent, or null when the token is not one of ours for this operation and organization.</returns>
    public static string? Decode(string token, string operation, string organizationId)
    {
        var bytes = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, bytes, out var length))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, length).Split('\n');
        return parts.Length == 4 && parts[0] == Version && parts[1] == operation && parts[2] == organizationId && parts[3].Length > 0
            ? parts[3]
            : null;
    }
}
