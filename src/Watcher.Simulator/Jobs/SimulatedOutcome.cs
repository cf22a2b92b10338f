namespace Watcher.Simulator;

/// <summary>How a simulated job ends.</summary>
public enum SimulatedOutcome
{
    /// <summary>Reaches 100 % and becomes COMPLETED.</summary>
    Complete,

    /// <summary>Becomes FAILED, with ErrorInfo, at <see cref="SimulatedJob.OutcomeAtProgress"/>.</summary>
    Fail,

    /// <summary>Becomes CANCELLED at <see cref="SimulatedJob.OutcomeAtProgress"/>.</summary>
    Cancel,

    /// <summary>Stays RUNNING forever; progress stops at 99 %.</summary>
    RunForever,
}
