namespace Watcher.Check;

/// <summary>One call <c>watcher check</c> made: a configured job described, or an organization's first page listed.</summary>
internal sealed record CheckResult(string Kind, string Organization, string Subject, string State, string Progress, string? ErrorCode, string? ErrorMessage, string? Hint)
{
    public bool Succeeded => ErrorCode is null;
}
