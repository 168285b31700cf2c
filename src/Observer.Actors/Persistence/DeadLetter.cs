namespace Observer.Actors.Persistence;

/// <summary>
/// One signal the backend rejected with a non-retryable 4xx, as kept in <c>axom_dead_letters</c>:
/// its id, the batch it travelled in, the answer, and its exact JSON so a redelivery sends the same signal.
/// </summary>
public sealed record DeadLetter(
    string SignalId,
    string BatchId,
    int Status,
    string Reason,
    DateTimeOffset DeadLetteredAt,
    string SignalJson);
