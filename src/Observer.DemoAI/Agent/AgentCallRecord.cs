namespace Observer.DemoAI.Agent;

/// <summary>One request the agent made: which task, what, the outcome, and whether that outcome was the scripted one.</summary>
public sealed record AgentCallRecord(
    int Round, string Task, string Method, string Url, int Status, double ElapsedMs, string Note, bool AsExpected, string? TaskIdHeader);

/// <summary>What a run of the agent did: the latest calls (at most <see cref="AgentSession.MaxKeptCalls"/>) and the totals.</summary>
public sealed record DemoAgentReport(IReadOnlyList<AgentCallRecord> Calls, long TotalCalls, long UnexpectedCalls)
{
    public bool AllAsExpected => TotalCalls > 0 && UnexpectedCalls == 0;
}
