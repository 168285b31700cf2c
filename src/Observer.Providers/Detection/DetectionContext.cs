namespace Observer.Providers.Detection;

/// <summary>Who the call belongs to, as resolved by the session actor (configuration or X-Axom-* headers).</summary>
/// <param name="CustomerId">The signal's <c>customer_id</c>.</param>
/// <param name="AgentId">The signal's <c>agent_id</c>.</param>
/// <param name="SessionId">The client connection's id, the signal's <c>session_id</c>.</param>
public sealed record DetectionContext(string CustomerId, string AgentId, string SessionId);
