namespace Observer.Backend.Query;

/// <summary>Figures of one provider (Model null) or one provider/model pair over a time range.</summary>
public sealed record StatsRow(
    string Provider,
    string? Model,
    int Calls,
    int Errors,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    double? TtftP50Ms,
    long InputTokens,
    long OutputTokens,
    long TotalTokens,
    double CostUsd);

/// <summary>Response of <c>GET /api/v1/stats</c>.</summary>
public sealed record StatsReport(
    DateTimeOffset? From,
    DateTimeOffset? To,
    StatsRow Totals,
    IReadOnlyList<StatsRow> Providers,
    IReadOnlyList<StatsRow> Models);

/// <summary>One bucket of <c>GET /api/v1/series</c>.</summary>
public sealed record SeriesPoint(
    DateTimeOffset Start,
    int Calls,
    int Errors,
    double? LatencyP50Ms,
    double? TtftP50Ms,
    long Tokens,
    double CostUsd);

/// <summary>Response of <c>GET /api/v1/series</c>.</summary>
public sealed record SeriesReport(DateTimeOffset? From, DateTimeOffset? To, double BucketMs, IReadOnlyList<SeriesPoint> Points);
