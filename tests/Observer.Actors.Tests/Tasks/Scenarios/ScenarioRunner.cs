using Observer.Actors.Tasks;
using Observer.Contracts.Signals;
using Observer.Providers;
using Observer.Providers.Detection;

namespace Observer.Actors.Tests.Tasks.Scenarios;

/// <summary>What a scenario run produced: the task id stamped on each call, and the task signals.</summary>
internal sealed record ScenarioOutcome(Scenario Scenario, IReadOnlyList<string> TaskIds, IReadOnlyList<TaskSignal> Tasks);

/// <summary>
/// Drives the pure correlation state with a fake clock: every call runs through the real <c>ExchangeDetector</c>,
/// arrives when it ends (so a pause costs no real time), then a final tick closes whatever is open.
/// </summary>
internal static class ScenarioRunner
{
    public static readonly ExchangeDetector Detector = new(ProvidersConfiguration.LoadDefault());

    public static ScenarioOutcome Run(Scenario scenario)
    {
        var settings = scenario.Settings ?? TaskCorrelationSettings.Default;
        var states = new Dictionary<string, TaskCorrelationState>();
        var taskIds = new string[scenario.Calls.Count];
        var tasks = new List<TaskSignal>();
        var arrivals = scenario.Calls
            .Select((call, index) => (call, index, at: call.Exchange.StartedAt.AddMilliseconds(call.Exchange.LatencyMs)))
            .OrderBy(a => a.at);
        var last = ScenarioBuilder.Start;
        foreach (var (call, index, at) in arrivals)
        {
            var detected = Detector.Detect(call.Exchange, new DetectionContext("acme", call.Agent, call.Exchange.Connection.Value))
                ?? throw new InvalidOperationException($"{scenario.Name}: call {index} ({call.Exchange.Path}) was not detected");
            var state = states.GetValueOrDefault(call.Agent, TaskCorrelationState.Empty);
            var result = state.Handle(detected, at, settings);
            states[call.Agent] = result.State;
            taskIds[index] = result.Call!.TaskId!;
            tasks.AddRange(result.ClosedTasks);
            last = at > last ? at : last;
        }

        foreach (var state in states.Values)
        {
            tasks.AddRange(state.Tick(last + settings.MaxDuration + settings.IdleGap, settings).ClosedTasks);
        }

        return new ScenarioOutcome(scenario, taskIds, tasks);
    }
}
