namespace Observer.Contracts.Signals;

/// <summary>The values of the <c>kind</c> field (SIGNALS.md, common fields).</summary>
public static class SignalKinds
{
    public const string AiCall = "ai_call";
    public const string Task = "task";
}
