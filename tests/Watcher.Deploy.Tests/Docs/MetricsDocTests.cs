using System.Text.RegularExpressions;
using Watcher.Testing;
using Watcher.Testing.Deployment;

namespace Watcher.Deploy.Tests.Docs;

/// <summary>The metric reference, docs/metrics.md: it covers every instrument the code creates and nothing else.</summary>
public sealed partial class MetricsDocTests
{
    [Fact]
    public void MetricReference_CoversEveryInstrumentTheCodeCreates()
    {
        var sources = Directory.EnumerateFiles(Repository.File("src", "Watcher"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        // OpenTelemetry instruments, found in the source, and the per-job families, which are a table instead.
        var instruments = sources.SelectMany(f => InstrumentName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Groups[1].Value)))
            .Concat(Watcher.Metrics.JobSeries.Families.Select(f => (File: "JobSeries.cs", Name: f.InstrumentName)))
            .Distinct()
            .ToList();
        Assert.True(instruments.Count >= 20, $"Found only {instruments.Count} instrument names in src/Watcher; the scan is broken.");

        // OpenTelemetry's Prometheus exporter: dots become underscores, then the unit and _total suffixes.
        string[] suffixes = ["", "_total", "_seconds", "_seconds_total", "_ratio"];
        Assert.All(instruments, instrument =>
        {
            var baseName = instrument.Name.Replace('.', '_');
            Assert.True(
                suffixes.Any(suffix => MetricReference.Names.Contains(baseName + suffix)),
                $"Instrument '{instrument.Name}' ({instrument.File}) is not in the metric reference ({MetricReference.Document}) as {baseName} with any of: {string.Join(", ", suffixes.Select(s => $"'{s}'"))}.");
        });

        // And the reference lists nothing the code no longer makes.
        Assert.All(MetricReference.Names, name => Assert.True(
            instruments.Any(i => suffixes.Any(s => i.Name.Replace('.', '_') + s == name)),
            $"The metric reference ({MetricReference.Document}) lists {name}, which no instrument in src/Watcher produces."));
    }

    // The name argument of Meter.Create*: every instrument is created with a literal "workmail..." or "watcher..." name.
    [GeneratedRegex(@"Create[A-Za-z]*(?:<[^>]+>)?\(\s*""((?:workmail|watcher)\.[a-z_.]+)""")]
    private static partial Regex InstrumentName();
}
