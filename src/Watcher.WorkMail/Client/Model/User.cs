namespace Watcher.WorkMail.Client.Model;

/// <summary>One element of ListUsers' <c>Users</c>, as sent; the Identity Center members are not read.</summary>
internal sealed class User
{
    public string? Id { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? State { get; set; }

    public string? UserRole { get; set; }

    public DateTimeOffset? EnabledDate { get; set; }

    public DateTimeOffset? DisabledDate { get; set; }
}
