namespace Observer.Contracts.Exchanges;

/// <summary>One server-sent event as it passed through the proxy.</summary>
/// <param name="AtMs">Milliseconds from the exchange's start to this event's arrival.</param>
/// <param name="EventType">The <c>event:</c> field, or null.</param>
/// <param name="Data">The joined <c>data:</c> lines.</param>
public sealed record SseEvent(double AtMs, string? EventType, string Data);
