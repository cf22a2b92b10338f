namespace Watcher.WorkMail;

/// <summary>One retry made by the SDK inside a single call.</summary>
/// <param name="Operation">The API operation, e.g. <c>DescribeMailboxExportJob</c>.</param>
/// <param name="OrganizationId">The organization the call was about.</param>
/// <param name="ErrorCode">The error code of the attempt that is being retried.</param>
public readonly record struct WorkMailRetry(string Operation, string OrganizationId, string ErrorCode);
