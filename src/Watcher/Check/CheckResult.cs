namespace Watcher.Check;

/// <summary>One call <c>watcher check</c> made: a configured job described, or an organization's first page listed.</summary>
/// <param name="Region">The region the call was signed for: the organization's Region, or Watcher's own.</param>
internal sealed record CheckResult(string Kind, string Organization, string Region, string Subject, string State, string Progress, string? ErrorCode, string? ErrorMessage, string? Hint)
{
    public bool Succeeded => ErrorCode is null;
}
