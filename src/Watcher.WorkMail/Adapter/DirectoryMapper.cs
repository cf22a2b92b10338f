using Watcher.WorkMail.Client.Model;
using Watcher.WorkMail.Model;

namespace Watcher.WorkMail.Adapter;

/// <summary>
/// Maps ListUsers and ListResources pages to Watcher's records, enforcing what coverage cannot do without: an id to
/// match export jobs against, a known state and, for users, a known role. Violations are
/// <see cref="WorkMailErrorCodes.MalformedResponse"/> naming the member.
/// </summary>
internal static class DirectoryMapper
{
    public static UserPage ToPage(ListUsersResponse response)
    {
        const string Operation = WorkMailOperations.ListUsers;
        var users = new List<DirectoryUser>(response.Users.Count);
        for (var i = 0; i < response.Users.Count; i++)
        {
            var user = response.Users[i];
            var path = $"Users[{i}]";
            users.Add(new DirectoryUser(
                Id(Operation, path, user.Id),
                user.Email,
                user.Name,
                user.DisplayName,
                Parse<EntityState>(Operation, path + ".State", user.State, DirectoryNames.TryParse),
                Parse<UserRole>(Operation, path + ".UserRole", user.UserRole, DirectoryNames.TryParse),
                user.EnabledDate,
                user.DisabledDate));
        }

        return new UserPage(users, Token(response.NextToken));
    }

    public static ResourcePage ToPage(ListResourcesResponse response)
    {
        const string Operation = WorkMailOperations.ListResources;
        var resources = new List<DirectoryResource>(response.Resources.Count);
        for (var i = 0; i < response.Resources.Count; i++)
        {
            var resource = response.Resources[i];
            var path = $"Resources[{i}]";
            resources.Add(new DirectoryResource(
                Id(Operation, path, resource.Id),
                resource.Email,
                resource.Name,
                resource.Type is null ? null : Parse<ResourceType>(Operation, path + ".Type", resource.Type, DirectoryNames.TryParse),
                Parse<EntityState>(Operation, path + ".State", resource.State, DirectoryNames.TryParse),
                resource.EnabledDate,
                resource.DisabledDate));
        }

        return new ResourcePage(resources, Token(response.NextToken));
    }

    private delegate bool TryParser<T>(string? name, out T value);

    private static string Id(string operation, string path, string? id) =>
        string.IsNullOrEmpty(id) ? throw Malformed(operation, path + ".Id", "is missing") : id;

    private static T Parse<T>(string operation, string member, string? name, TryParser<T> tryParse)
    {
        if (tryParse(name, out var value))
        {
            return value;
        }

        // A value AWS adds later is refused rather than guessed: counting it wrongly would misstate coverage.
        throw string.IsNullOrEmpty(name)
            ? Malformed(operation, member, "is missing")
            : Malformed(operation, member, $"has the unknown value '{Truncate(name)}'");
    }

    private static string? Token(string? nextToken) => string.IsNullOrEmpty(nextToken) ? null : nextToken;

    private static WorkMailException Malformed(string operation, string member, string problem) =>
        new(WorkMailErrorCodes.MalformedResponse, $"The {operation} response is malformed: member {member} {problem}.", statusCode: 200);

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
