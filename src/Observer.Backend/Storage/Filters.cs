namespace Observer.Backend.Storage;

/// <summary>A half-open time range [From, To); either end may be open.</summary>
public sealed record TimeRange(DateTimeOffset? From, DateTimeOffset? To)
{
    public static readonly TimeRange All = new(null, null);
}

/// <summary>Filters of <c>GET /api/v1/calls</c>. <see cref="Status"/> is <c>ok</c>, <c>error</c> or an HTTP status code.</summary>
public sealed record CallFilter(
    string? Provider = null,
    string? Model = null,
    string? Agent = null,
    string? Task = null,
    string? Status = null,
    TimeRange? Range = null,
    int Limit = 50,
    int Offset = 0);

/// <summary>Filters of <c>GET /api/v1/tasks</c>.</summary>
public sealed record TaskFilter(
    string? Agent = null,
    string? TaskType = null,
    string? Outcome = null,
    TimeRange? Range = null,
    int Limit = 50,
    int Offset = 0);

/// <summary>One page of stored signals as their JSON text, newest first.</summary>
public sealed record Page(IReadOnlyList<string> Items, long Total, int Limit, int Offset);

/// <summary>A task's signal (null while the task has not closed) and the calls that carry its id.</summary>
public sealed record TaskDetail(string Id, string? TaskJson, IReadOnlyList<string> CallsJson);

/// <summary>The per-call figures statistics are computed from.</summary>
public sealed record CallMetric(
    string Provider,
    string? Model,
    DateTimeOffset Timestamp,
    bool IsError,
    double LatencyMs,
    double? TtftMs,
    long? InputTokens,
    long? OutputTokens,
    long? TotalTokens,
    double? CostUsd);

/// <summary>How many signals the store holds.</summary>
public sealed record StoreCounts(long Calls, long Tasks);
