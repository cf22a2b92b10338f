using System.Collections.Immutable;
using System.Text.Encodings.Web;
using Watcher.Jobs;

namespace Watcher.Web;

/// <summary>The small pieces of markup the status page repeats. Text from WorkMail or the configuration goes through <see cref="Text"/>.</summary>
internal static class StatusHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static void Text(TextWriter writer, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Encoder.Encode(writer, value);
        }
    }

    public static void Time(TextWriter writer, DateTimeOffset value) =>
        writer.Write($"<time datetime=\"{StatusFormat.Iso(value)}\">{StatusFormat.Timestamp(value)}</time>");

    /// <summary>"3m 12s ago", with the moment itself in the tooltip; "never" for no moment.</summary>
    public static void Ago(TextWriter writer, DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is not { } then)
        {
            writer.Write("never");
            return;
        }

        writer.Write($"<time datetime=\"{StatusFormat.Iso(then)}\" title=\"{StatusFormat.Timestamp(then)}\">{StatusFormat.Ago(then, now)}</time>");
    }

    /// <summary>The alias, when the organization is watched by discovery and has one, then the ID.</summary>
    public static void Organization(TextWriter writer, ImmutableDictionary<string, OrganizationSnapshot> organizations, string organizationId)
    {
        if (Alias(organizations, organizationId) is { } alias)
        {
            writer.Write("<span class=\"alias\">");
            Text(writer, alias);
            writer.Write("</span> ");
        }

        writer.Write("<small class=\"mono\">");
        Text(writer, organizationId);
        writer.Write("</small>");
    }

    public static string? Alias(ImmutableDictionary<string, OrganizationSnapshot> organizations, string organizationId) =>
        organizations.TryGetValue(organizationId, out var organization) && !string.IsNullOrEmpty(organization.Alias) ? organization.Alias : null;

    public static void Links(TextWriter writer) =>
        writer.Write("<nav><a href=\"metrics\">/metrics</a> <a href=\"healthz\">/healthz</a> <a href=\"readyz\">/readyz</a></nav>\n");
}
