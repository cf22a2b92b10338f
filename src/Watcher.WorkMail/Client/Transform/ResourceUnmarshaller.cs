using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Reads one element of <c>Resources</c>; members it does not know are skipped.</summary>
internal static class ResourceUnmarshaller
{
    public static Resource? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string path)
    {
        if (!JsonListReader.ReadObjectStart(context, ref reader, path))
        {
            return null;
        }

        var resource = new Resource();
        var targetDepth = context.CurrentDepth;
        while (context.ReadAtDepth(targetDepth, ref reader))
        {
            if (context.TestExpression("Id", targetDepth, ref reader))
            {
                resource.Id = JsonMemberReader.ReadString(context, ref reader, path + ".Id");
            }
            else if (context.TestExpression("Email", targetDepth, ref reader))
            {
                resource.Email = JsonMemberReader.ReadString(context, ref reader, path + ".Email");
            }
            else if (context.TestExpression("Name", targetDepth, ref reader))
            {
                resource.Name = JsonMemberReader.ReadString(context, ref reader, path + ".Name");
            }
            else if (context.TestExpression("Type", targetDepth, ref reader))
            {
                resource.Type = JsonMemberReader.ReadString(context, ref reader, path + ".Type");
            }
            else if (context.TestExpression("State", targetDepth, ref reader))
            {
                resource.State = JsonMemberReader.ReadString(context, ref reader, path + ".State");
            }
            else if (context.TestExpression("EnabledDate", targetDepth, ref reader))
            {
                resource.EnabledDate = JsonMemberReader.ReadEpochSeconds(context, ref reader, path + ".EnabledDate");
            }
            else if (context.TestExpression("DisabledDate", targetDepth, ref reader))
            {
                resource.DisabledDate = JsonMemberReader.ReadEpochSeconds(context, ref reader, path + ".DisabledDate");
            }
        }

        return resource;
    }
}
