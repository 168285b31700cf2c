using Observer.Contracts.Signals;

namespace Observer.Providers.Detection;

/// <summary>
/// What detection makes of one exchange with an AI provider: the <c>ai_call</c> signal (without a task id yet)
/// and the features task correlation groups by. Features hold hashes and ids, never prompt text that leaves memory.
/// </summary>
/// <param name="Signal">The call signal; <c>task_id</c> is stamped later by task correlation.</param>
/// <param name="Features">Evidence for grouping the call into a task.</param>
public sealed record DetectedCall(AiCallSignal Signal, CallFeatures Features)
{
    /// <summary>
    /// Output tokens per second of a streamed call, measured from the first content (TTFT, else TTFB) to the last
    /// byte; null when not streamed or not measurable. Not a signal field: the contract has none for it.
    /// </summary>
    public double? OutputTokensPerSecond
    {
        get
        {
            var start = Signal.TtftMs ?? Signal.TtfbMs;
            if (!Signal.Stream || Signal.Usage.OutputTokens is not > 0 || start is null || Signal.LatencyMs <= start)
            {
                return null;
            }

            return Signal.Usage.OutputTokens.Value / ((Signal.LatencyMs - start.Value) / 1000.0);
        }
    }
}
