using System.Text.Json;

namespace Watcher.Simulator.Protocol;

/// <summary>Writes users and resources as the model's User and Resource shapes, omitting nulls.</summary>
internal static class DirectoryViewWriter
{
    public static void WriteUser(Utf8JsonWriter writer, SimulatedUser user)
    {
        writer.WriteStartObject();
        WriteString(writer, "Id", user.Id);
        WriteString(writer, "Email", user.Email);
        WriteString(writer, "Name", user.Name);
        WriteString(writer, "DisplayName", user.DisplayName);
        WriteString(writer, "State", user.State);
        WriteString(writer, "UserRole", user.UserRole);
        WriteTimestamp(writer, "EnabledDate", user.EnabledDate);
        WriteTimestamp(writer, "DisabledDate", user.DisabledDate);
        writer.WriteEndObject();
    }

    public static void WriteResource(Utf8JsonWriter writer, SimulatedResource resource)
    {
        writer.WriteStartObject();
        WriteString(writer, "Id", resource.Id);
        WriteString(writer, "Email", resource.Email);
        WriteString(writer, "Name", resource.Name);
        WriteString(writer, "Type", resource.Type);
        WriteString(writer, "State", resource.State);
        WriteTimestamp(writer, "EnabledDate", resource.EnabledDate);
        WriteTimestamp(writer, "DisabledDate", resource.DisabledDate);
        WriteString(writer, "Description", resource.Description);
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(EpochSeconds.Format(time), skipInputValidation: true);
        }
    }
}
