using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using static Amazon.Runtime.Internal.Endpoints.StandardLibrary.Fn;

namespace Watcher.WorkMail.Client.Endpoints;

/// <summary>
/// WorkMail's endpoint rules (the standard regional rule set): a custom endpoint wins; otherwise
/// <c>https://workmail[-fips].{region}.{dnsSuffix}</c>, with the partition's dual-stack suffix when asked.
/// </summary>
internal sealed class AmazonWorkMailEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters["UseDualStack"] is null)
        {
            throw new AmazonClientException("UseDualStack parameter must be set for endpoint resolution");
        }

        if (parameters["UseFIPS"] is null)
        {
            throw new AmazonClientException("UseFIPS parameter must be set for endpoint resolution");
        }

        var refs = new Dictionary<string, object?>
        {
            ["Region"] = parameters["Region"],
            ["UseDualStack"] = parameters["UseDualStack"],
            ["UseFIPS"] = parameters["UseFIPS"],
            ["Endpoint"] = parameters["Endpoint"],
        };
        var useFips = Equals(refs["UseFIPS"], true);
        var useDualStack = Equals(refs["UseDualStack"], true);

        if (IsSet(refs["Endpoint"]))
        {
            if (useFips)
            {
                throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            }

            if (useDualStack)
            {
                throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            }

            return new Endpoint((string)refs["Endpoint"]!);
        }

        if (!IsSet(refs["Region"]) || string.IsNullOrWhiteSpace((string?)refs["Region"]))
        {
            throw new AmazonClientException("Invalid Configuration: Missing Region");
        }

        if ((refs["PartitionResult"] = Partition((string)refs["Region"]!)) is null)
        {
            throw new AmazonClientException("Cannot resolve endpoint");
        }

        var supportsFips = Equals(true, GetAttr(refs["PartitionResult"], "supportsFIPS"));
        var supportsDualStack = Equals(true, GetAttr(refs["PartitionResult"], "supportsDualStack"));
        if (useFips && useDualStack)
        {
            return supportsFips && supportsDualStack
                ? Resolved("https://workmail-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", refs)
                : throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
        }

        if (useFips)
        {
            return supportsFips
                ? Resolved("https://workmail-fips.{Region}.{PartitionResult#dnsSuffix}", refs)
                : throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
        }

        if (useDualStack)
        {
            return supportsDualStack
                ? Resolved("https://workmail.{Region}.{PartitionResult#dualStackDnsSuffix}", refs)
                : throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
        }

        return Resolved("https://workmail.{Region}.{PartitionResult#dnsSuffix}", refs);
    }

    private static Endpoint Resolved(string template, Dictionary<string, object?> refs) =>
        new(Interpolate(template, refs!));
}
