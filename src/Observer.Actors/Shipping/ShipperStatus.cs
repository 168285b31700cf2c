namespace Observer.Actors.Shipping;

/// <summary>
/// What the shipper reports for <c>/readyz</c> and the CLI: backlog, pending, whether new signals are refused,
/// and the last delivery error. A DI singleton written by the shipper actor, read from any thread.
/// </summary>
public sealed class ShipperStatus
{
    private long _pending;
    private long _backlogBytes;
    private long _lastDeliveredAtTicks;
    private int _signalsInMemory;
    private int _peakSignalsInMemory;
    private volatile bool _backlogFull;
    private volatile string? _lastDeliveryError;

    public bool BacklogFull => _backlogFull;

    public long Pending => Interlocked.Read(ref _pending);

    public long BacklogBytes => Interlocked.Read(ref _backlogBytes);

    /// <summary>Unconfirmed signals currently held in memory (queued or in flight); bounded by <c>MaxSignalsInMemory</c>.</summary>
    public int SignalsInMemory => Volatile.Read(ref _signalsInMemory);

    /// <summary>The most <see cref="SignalsInMemory"/> seen since start.</summary>
    public int PeakSignalsInMemory => Volatile.Read(ref _peakSignalsInMemory);

    /// <summary>Null after a successful delivery; otherwise why the last attempt failed.</summary>
    public string? LastDeliveryError => _lastDeliveryError;

    public DateTimeOffset? LastDeliveredAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastDeliveredAtTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>One line for the <c>/readyz</c> body.</summary>
    public string Describe() => BacklogFull
        ? $"signals: backlog full ({BacklogBytes} bytes, {Pending} pending) - new signals are refused (signals_dropped_backlog_full)"
        : $"signals: {Pending} pending, {BacklogBytes} bytes" + (LastDeliveryError is { } error ? $", last delivery error: {error}" : string.Empty);

    internal void SetBacklog(long pending, long bytes)
    {
        Interlocked.Exchange(ref _pending, pending);
        Interlocked.Exchange(ref _backlogBytes, bytes);
    }

    internal void SetSignalsInMemory(int signals)
    {
        Volatile.Write(ref _signalsInMemory, signals);
        if (signals > _peakSignalsInMemory)
        {
            Volatile.Write(ref _peakSignalsInMemory, signals);
        }
    }

    internal void SetBacklogFull(bool full) => _backlogFull = full;

    internal void ReportDelivered()
    {
        _lastDeliveryError = null;
        Interlocked.Exchange(ref _lastDeliveredAtTicks, DateTimeOffset.UtcNow.UtcTicks);
    }

    internal void ReportDeliveryError(string error) => _lastDeliveryError = error;
}
