namespace Watcher.Simulator.Operations;

internal sealed record OperationContext(SimulatorStore Store, SimulatorOptions Options);
