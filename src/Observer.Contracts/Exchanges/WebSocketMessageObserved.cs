namespace Observer.Contracts.Exchanges;

/// <summary>One WebSocket message as it passed through the proxy, handed to the observer one by one.</summary>
/// <param name="Connection">The client connection.</param>
/// <param name="ExchangeId">The upgrade exchange this message belongs to.</param>
/// <param name="Host">The upstream host.</param>
/// <param name="Path">The upgrade request's path.</param>
/// <param name="AtMs">Milliseconds since the upgrade started.</param>
/// <param name="FromClient">Client → upstream when true.</param>
/// <param name="IsText">Text frame(s) when true, binary otherwise.</param>
/// <param name="Length">Payload length in bytes.</param>
/// <param name="Text">The text payload up to the observation bound, or null for binary messages.</param>
public sealed record WebSocketMessageObserved(
    ConnectionId Connection,
    string ExchangeId,
    string Host,
    string Path,
    double AtMs,
    bool FromClient,
    bool IsText,
    long Length,
    string? Text);
