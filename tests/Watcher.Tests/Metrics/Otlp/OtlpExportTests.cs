using Microsoft.Extensions.Configuration;
using Watcher.Metrics.Otlp;

namespace Watcher.Tests.Metrics.Otlp;

public sealed class OtlpExportTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("", " ", false)]
    [InlineData("http://collector:4318", null, true)]
    [InlineData(null, "http://collector:4318/v1/metrics", true)]
    public void IsEnabled_ByTheEndpointVariables_IsOnOnlyWithAnEndpoint(string? endpoint, string? metricsEndpoint, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [OtlpExport.EndpointVariable] = endpoint,
            [OtlpExport.MetricsEndpointVariable] = metricsEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }).Build();

        Assert.Equal(expected, OtlpExport.IsEnabled(configuration));
    }
}
