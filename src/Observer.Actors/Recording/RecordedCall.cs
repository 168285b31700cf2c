using Observer.Contracts.Signals;

namespace Observer.Actors.Recording;

/// <summary>The parts of a produced <c>ai_call</c> signal a replay compares against: what was detected and grouped.</summary>
public sealed record RecordedCall(
    string ExchangeId,
    string Provider,
    string Operation,
    string? Model,
    string? ResponseModel,
    Usage Usage,
    string UsageSource,
    decimal? CostUsd,
    int Status,
    string? ErrorType,
    string? FinishReason,
    string? TaskId)
{
    public static RecordedCall From(AiCallSignal call) => new(
        call.Id, call.Provider, call.Operation, call.Model, call.ResponseModel, call.Usage, call.UsageSource, call.CostUsd,
        call.Status, call.Error?.Type, call.FinishReason, call.TaskId);
}
