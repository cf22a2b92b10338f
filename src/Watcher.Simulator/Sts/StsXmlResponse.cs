using System.Globalization;
using System.Text;
using System.Xml;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Sts;

/// <summary>Writes the query-protocol XML answers of STS 2011-06-15.</summary>
internal static class StsXmlResponse
{
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static Task WriteAssumeRoleAsync(HttpContext context, IssuedCredential credential, string requestId) =>
        WriteAsync(context, StatusCodes.Status200OK, requestId, writer =>
        {
            writer.WriteStartElement("AssumeRoleResponse", Namespace);
            writer.WriteStartElement("AssumeRoleResult");
            writer.WriteStartElement("AssumedRoleUser");
            writer.WriteElementString("AssumedRoleId", credential.AssumedRoleId);
            writer.WriteElementString("Arn", credential.AssumedRoleArn);
            writer.WriteEndElement();
            writer.WriteStartElement("Credentials");
            writer.WriteElementString("AccessKeyId", credential.AccessKeyId);
            writer.WriteElementString("SecretAccessKey", credential.SecretAccessKey);
            writer.WriteElementString("SessionToken", credential.SessionToken);
            writer.WriteElementString("Expiration", credential.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            writer.WriteEndElement();
            WriteMetadata(writer, requestId);
            writer.WriteEndElement();
        });

    public static Task WriteErrorAsync(HttpContext context, AwsError error, string requestId) =>
        WriteAsync(context, error.StatusCode, requestId, writer =>
        {
            writer.WriteStartElement("ErrorResponse", Namespace);
            writer.WriteStartElement("Error");
            writer.WriteElementString("Type", error.StatusCode >= 500 ? "Receiver" : "Sender");
            writer.WriteElementString("Code", error.Code);
            writer.WriteElementString("Message", error.Message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        });

    private static void WriteMetadata(XmlWriter writer, string requestId)
    {
        writer.WriteStartElement("ResponseMetadata");
        writer.WriteElementString("RequestId", requestId);
        writer.WriteEndElement();
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, string requestId, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            write(writer);
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/xml";
        response.Headers["x-amzn-RequestId"] = requestId;
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }
}
