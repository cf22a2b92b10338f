using System.Text.Json;
using System.Text.Json.Serialization;

namespace Watcher.Simulator.Scenarios;

// Unknown members are errors so that a misspelt "Outcom" is reported instead of silently ignored.
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(JsonStringEnumConverter<SimulatedOutcome>)])]
[JsonSerializable(typeof(ScenarioDocument))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
