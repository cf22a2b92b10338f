namespace Watcher.WorkMail.Client.Model;

/// <summary>One element of ListResources' <c>Resources</c>, as sent; Description is not read.</summary>
internal sealed class Resource
{
    public string? Id { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? State { get; set; }

    public DateTimeOffset? EnabledDate { get; set; }

    public DateTimeOffset? DisabledDate { get; set; }
}
