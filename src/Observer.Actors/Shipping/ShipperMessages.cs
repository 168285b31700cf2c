namespace Observer.Actors.Shipping;

/// <summary>Messages internal to the shipper actors (never persisted, never remoted).</summary>
internal static class ShipperMessages
{
    /// <summary>A <see cref="ShipperProtocol.Ship"/> whose signals the front actor already serialized (off the journal actor's thread).</summary>
    public sealed record ShipStored(IReadOnlyList<StoredSignal> Signals, bool ReplyTo);

    public sealed record BatchOutcome(OutgoingBatch Batch, DeliveryResult Result);

    public sealed record RetryBatch(OutgoingBatch Batch);

    public sealed record DeadLettersStored(OutgoingBatch Batch);

    public sealed record DeadLettersFailed(OutgoingBatch Batch, Exception Cause);

    public sealed record PageLoaded(IReadOnlyList<PendingEvent> Events, long ScannedUpTo);

    public sealed record PageFailed(Exception Cause);

    public sealed record SpaceReclaimed(Exception? Cause);

    public sealed record Recovered;

    public sealed record RestartChild;

    public sealed class SendTick
    {
        public static readonly SendTick Instance = new();

        private SendTick()
        {
        }
    }
}

/// <summary>Graceful shutdown: answers <see cref="Flushed"/> once every signal received so far is in the journal.</summary>
public sealed class FlushShipper
{
    public static readonly FlushShipper Instance = new();

    private FlushShipper()
    {
    }
}

/// <summary>Reply to <see cref="FlushShipper"/>.</summary>
public sealed class Flushed
{
    public static readonly Flushed Instance = new();

    private Flushed()
    {
    }
}
