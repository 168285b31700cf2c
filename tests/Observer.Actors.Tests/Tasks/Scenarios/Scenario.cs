using Observer.Actors.Tasks;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Tasks.Scenarios;

/// <summary>One scripted call: who made it, the proxy's record, and the task it truly belongs to (a label).</summary>
internal sealed record ScriptedCall(string Agent, ExchangeRecord Exchange, string ExpectedTask);

/// <summary>A scripted multi-call scenario with its expected grouping; settings default to the product's defaults.</summary>
internal sealed record Scenario(string Name, IReadOnlyList<ScriptedCall> Calls, TaskCorrelationSettings? Settings = null)
{
    public override string ToString() => Name;
}
