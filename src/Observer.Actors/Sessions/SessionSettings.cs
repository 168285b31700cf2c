namespace Observer.Actors.Sessions;

/// <summary>Who a session's traffic belongs to by default, and when an idle session passivates.</summary>
/// <param name="DefaultCustomerId">The configured customer id (CUSTOMER_ID).</param>
/// <param name="DefaultAgentId">The configured agent id (AGENT_ID).</param>
/// <param name="IdleTimeout">A session with no observation for this long stops (the connection may still be open).</param>
public sealed record SessionSettings(string DefaultCustomerId, string DefaultAgentId, TimeSpan IdleTimeout)
{
    public const string AgentHeader = "X-Axom-Agent-Id";
    public const string CustomerHeader = "X-Axom-Customer-Id";

    /// <summary>The per-request agent and customer, from the control headers or else the configuration.</summary>
    public (string AgentId, string CustomerId) Identify(Contracts.Exchanges.HeaderList requestHeaders) =>
        (NonEmpty(requestHeaders[AgentHeader]) ?? DefaultAgentId, NonEmpty(requestHeaders[CustomerHeader]) ?? DefaultCustomerId);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
