namespace Observer.Actors.Persistence;

/// <summary>
/// Whether the journal accepted its last write. A DI singleton: the shipper writes it, the admin <c>/readyz</c> reads it.
/// A failing journal is reported here (and logged), never turned into a crash loop.
/// </summary>
public sealed class JournalHealth
{
    private volatile string? _lastError;
    private volatile bool _isWritable = true;
    private volatile bool _failedOnWrite;
    private long _lastErrorAtTicks;

    public bool IsWritable => _isWritable;

    public string? LastError => _lastError;

    public DateTimeOffset? LastErrorAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastErrorAtTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>A journal write succeeded.</summary>
    public void ReportWritable()
    {
        _failedOnWrite = false;
        _isWritable = true;
    }

    /// <summary>The journal could be read (recovery): clears a connection failure, but not a write failure.</summary>
    public void ReportReadable()
    {
        if (!_failedOnWrite)
        {
            _isWritable = true;
        }
    }

    public void ReportFailure(string error, bool onWrite)
    {
        _failedOnWrite = onWrite;
        _lastError = error;
        Interlocked.Exchange(ref _lastErrorAtTicks, DateTimeOffset.UtcNow.UtcTicks);
        _isWritable = false;
    }
}
