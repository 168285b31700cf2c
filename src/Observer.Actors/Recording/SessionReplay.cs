using Observer.Actors.Tasks;
using Observer.Providers.Detection;

namespace Observer.Actors.Recording;

/// <summary>
/// Re-runs a recorded session's exchanges through the current detection and task correlation, with the recorded
/// timestamps as the clock (no network), and compares each call with what was produced at the time.
/// </summary>
public static class SessionReplay
{
    /// <summary>One exchange's outcome then and now; <see cref="Differences"/> is empty when they agree.</summary>
    public sealed record Step(RecordingEvents.ExchangeRecorded Exchange, RecordedCall? Then, RecordedCall? Now, string? NowTaskLabel, IReadOnlyList<string> Differences);

    public static IReadOnlyList<Step> Run(RecordedSession session, ExchangeDetector detector, TaskCorrelationSettings settings)
    {
        var state = TaskCorrelationState.Empty;
        var nowCalls = new List<RecordedCall?>();
        foreach (var recorded in session.Exchanges)
        {
            var x = recorded.Exchange;
            var detected = detector.Detect(x, new DetectionContext(recorded.CustomerId, recorded.AgentId, session.SessionId));
            if (detected is null)
            {
                nowCalls.Add(null);
                continue;
            }

            var result = state.Handle(detected, x.StartedAt.AddMilliseconds(Math.Max(0, x.LatencyMs)), settings);
            state = result.State;
            nowCalls.Add(RecordedCall.From(result.Call ?? detected.Signal));
        }

        // Task ids are fresh each run: compare grouping by labelling tasks in order of first appearance.
        var thenLabels = Labels(session.Exchanges.Select(x => session.CallsAtTheTime.GetValueOrDefault(x.Exchange.ExchangeId)?.TaskId));
        var nowLabels = Labels(nowCalls.Select(c => c?.TaskId));
        var steps = new List<Step>(session.Exchanges.Count);
        for (var i = 0; i < session.Exchanges.Count; i++)
        {
            var exchange = session.Exchanges[i];
            var then = session.CallsAtTheTime.GetValueOrDefault(exchange.Exchange.ExchangeId);
            steps.Add(new Step(exchange, then, nowCalls[i], nowLabels[i], Compare(then, nowCalls[i], thenLabels[i], nowLabels[i])));
        }

        return steps;
    }

    private static List<string?> Labels(IEnumerable<string?> taskIds)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        return taskIds.Select(id => id is null ? null : map.TryGetValue(id, out var label) ? label : map[id] = $"task-{map.Count + 1}").ToList();
    }

    private static List<string> Compare(RecordedCall? then, RecordedCall? now, string? thenTask, string? nowTask)
    {
        var diffs = new List<string>();
        if (then is null && now is null)
        {
            return diffs;
        }

        if (then is null)
        {
            diffs.Add($"detected now as {now!.Provider}/{now.Operation} (not detected at the time)");
            return diffs;
        }

        if (now is null)
        {
            diffs.Add($"not detected now (was {then.Provider}/{then.Operation})");
            return diffs;
        }

        Field(diffs, "provider", then.Provider, now.Provider);
        Field(diffs, "operation", then.Operation, now.Operation);
        Field(diffs, "model", then.Model, now.Model);
        Field(diffs, "response_model", then.ResponseModel, now.ResponseModel);
        Field(diffs, "input_tokens", then.Usage.InputTokens, now.Usage.InputTokens);
        Field(diffs, "output_tokens", then.Usage.OutputTokens, now.Usage.OutputTokens);
        Field(diffs, "usage_source", then.UsageSource, now.UsageSource);
        Field(diffs, "cost_usd", then.CostUsd, now.CostUsd);
        Field(diffs, "error", then.ErrorType, now.ErrorType);
        Field(diffs, "finish_reason", then.FinishReason, now.FinishReason);
        if (then.TaskId is not null)
        {
            Field(diffs, "task", thenTask, nowTask);
        }

        return diffs;
    }

    private static void Field<T>(List<string> diffs, string name, T then, T now)
    {
        if (!EqualityComparer<T>.Default.Equals(then, now))
        {
            diffs.Add($"{name}: {Show(then)} -> {Show(now)}");
        }
    }

    private static string Show<T>(T value) => value is null ? "null" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
