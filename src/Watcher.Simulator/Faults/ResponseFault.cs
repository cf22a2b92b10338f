namespace Watcher.Simulator;

/// <summary>
/// What <see cref="SimulatorFaults.ResponseFault"/> does to a successful DescribeMailboxExportJob or
/// ListMailboxExportJobs answer (status 200, after the operation ran). Errors and the other operations are never touched.
/// </summary>
public enum ResponseFault
{
    /// <summary>Answers are sent as they are.</summary>
    None,

    /// <summary>The body is not valid JSON: <c>{ this is not JSON, …</c> followed by the rest of the real body.</summary>
    MalformedJson,

    /// <summary>The body is cut in the middle of the JSON, and Content-Length declares exactly the bytes sent.</summary>
    TruncatedJson,

    /// <summary>Content-Length declares the whole body, only the first half is sent, then the connection is closed.</summary>
    TruncatedContentLength,

    /// <summary><c>"EstimatedProgress": "fifty"</c>: a string where the model has an integer.</summary>
    WrongMemberType,

    /// <summary><c>"State": "PAUSED"</c>: a value the model's enum does not have.</summary>
    UnknownState,

    /// <summary><c>"EstimatedProgress": 150</c>.</summary>
    ProgressAbove100,

    /// <summary><c>"EstimatedProgress": -1</c>.</summary>
    ProgressBelowZero,

    /// <summary>The <c>StartTime</c> member is left out.</summary>
    MissingStartTime,

    /// <summary>Headers (chunked, no Content-Length) and the first half of the body are sent and flushed, then the
    /// connection is aborted (<c>HttpContext.Abort()</c>).</summary>
    ResetMidBody,

    /// <summary>The connection is aborted without any answer: no status line, no headers.</summary>
    CloseWithoutAnswer,
}
