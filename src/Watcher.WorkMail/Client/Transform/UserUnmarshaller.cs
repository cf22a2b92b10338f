using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Reads one element of <c>Users</c>; members it does not know are skipped.</summary>
internal static class UserUnmarshaller
{
    public static User? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string path)
    {
        if (!JsonListReader.ReadObjectStart(context, ref reader, path))
        {
            return null;
        }

        var user = new User();
        var targetDepth = context.CurrentDepth;
        while (context.ReadAtDepth(targetDepth, ref reader))
        {
            if (context.TestExpression("Id", targetDepth, ref reader))
            {
                user.Id = JsonMemberReader.ReadString(context, ref reader, path + ".Id");
            }
            else if (context.TestExpression("Email", targetDepth, ref reader))
            {
                user.Email = JsonMemberReader.ReadString(context, ref reader, path + ".Email");
            }
            else if (context.TestExpression("Name", targetDepth, ref reader))
            {
                user.Name = JsonMemberReader.ReadString(context, ref reader, path + ".Name");
            }
            else if (context.TestExpression("DisplayName", targetDepth, ref reader))
            {
                user.DisplayName = JsonMemberReader.ReadString(context, ref reader, path + ".DisplayName");
            }
            else if (context.TestExpression("State", targetDepth, ref reader))
            {
                user.State = JsonMemberReader.ReadString(context, ref reader, path + ".State");
            }
            else if (context.TestExpression("UserRole", targetDepth, ref reader))
            {
                user.UserRole = JsonMemberReader.ReadString(context, ref reader, path + ".UserRole");
            }
            else if (context.TestExpression("EnabledDate", targetDepth, ref reader))
            {
                user.EnabledDate = JsonMemberReader.ReadEpochSeconds(context, ref reader, path + ".EnabledDate");
            }
            else if (context.TestExpression("DisabledDate", targetDepth, ref reader))
            {
                user.DisabledDate = JsonMemberReader.ReadEpochSeconds(context, ref reader, path + ".DisabledDate");
            }
        }

        return user;
    }
}
