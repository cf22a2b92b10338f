using Amazon.Runtime.Internal;

namespace Watcher.WorkMail.Client;

/// <summary>Service metadata, as the generated clients carry it.</summary>
internal sealed class AmazonWorkMailServiceMetadata : IServiceMetadata
{
    public string ServiceId => AmazonWorkMailConfig.ServiceIdValue;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
}
