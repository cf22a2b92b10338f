using System.Text.Json;

namespace Watcher.Simulator.Protocol;

/// <summary>Writes users and resources as the model's User and Resource shapes, omitting nulls.</summary>
internal static class DirectoryViewWriter
{
    public static void WriteUser(Utf8JsonWriter writer, SimulatedUser user)
    {
        writer.WriteStartObject();
        ModelJsonWriter.WriteString(writer, "Id", user.Id);
        ModelJsonWriter.WriteString(writer, "Email", user.Email);
        ModelJsonWriter.WriteString(writer, "Name", user.Name);
        ModelJsonWriter.WriteString(writer, "DisplayName", user.DisplayName);
        ModelJsonWriter.WriteString(writer, "State", user.State);
        ModelJsonWriter.WriteString(writer, "UserRole", user.UserRole);
        ModelJsonWriter.WriteTimestamp(writer, "EnabledDate", user.EnabledDate);
        ModelJsonWriter.WriteTimestamp(writer, "DisabledDate", user.DisabledDate);
        writer.WriteEndObject();
    }

    public static void WriteResource(Utf8JsonWriter writer, SimulatedResource resource)
    {
        writer.WriteStartObject();
        ModelJsonWriter.WriteString(writer, "Id", resource.Id);
        ModelJsonWriter.WriteString(writer, "Email", resource.Email);
        ModelJsonWriter.WriteString(writer, "Name", resource.Name);
        ModelJsonWriter.WriteString(writer, "Type", resource.Type);
        ModelJsonWriter.WriteString(writer, "State", resource.State);
        ModelJsonWriter.WriteTimestamp(writer, "EnabledDate", resource.EnabledDate);
        ModelJsonWriter.WriteTimestamp(writer, "DisabledDate", resource.DisabledDate);
        ModelJsonWriter.WriteString(writer, "Description", resource.Description);
        writer.WriteEndObject();
    }
}
