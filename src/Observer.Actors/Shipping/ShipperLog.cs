using Microsoft.Extensions.Logging;

namespace Observer.Actors.Shipping;

/// <summary>Log messages of the shipper (event ids 6000–6099). Never logs tokens, keys or signal bodies.</summary>
internal static partial class ShipperLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Shipper {PersistenceId} recovered: {Pending} signals pending ({Bytes} bytes), confirmed up to #{ConfirmedUpTo}")]
    public static partial void Recovered(ILogger logger, string persistenceId, long pending, long bytes, long confirmedUpTo);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Journal write failed for {Signals} signals; they were not accepted. The shipper restarts after a backoff")]
    public static partial void PersistFailed(ILogger logger, int signals, Exception exception);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Journal rejected an event of {Signals} signals; they were not accepted")]
    public static partial void PersistRejected(ILogger logger, int signals, Exception exception);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Shipper recovery from the journal failed; retrying after a backoff")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Signal backlog full ({Bytes} of {MaxBytes} bytes): new signals are refused (signals_dropped_backlog_full) until the backend catches up")]
    public static partial void BacklogFull(ILogger logger, long bytes, long maxBytes);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Signal backlog below its bound again ({Bytes} bytes): accepting signals")]
    public static partial void BacklogRelieved(ILogger logger, long bytes);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Batch {BatchId} ({Signals} signals) not delivered: {Detail}; retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string batchId, int signals, string detail, int attempt, long delayMs);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Batch {BatchId} rejected by the backend with HTTP {Status}: {Signals} signals moved to the dead-letter store")]
    public static partial void DeadLettered(ILogger logger, string batchId, int status, int signals);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Error, Message = "Dead-letter store write for batch {BatchId} failed; retrying")]
    public static partial void DeadLetterWriteFailed(ILogger logger, string batchId, Exception exception);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Error, Message = "Reading unconfirmed signals back from the journal failed; retrying")]
    public static partial void PageFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Journal compaction step failed; it runs again later")]
    public static partial void CompactionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Delivery to the backend recovered after {Attempts} attempts of batch {BatchId}")]
    public static partial void DeliveryRecovered(ILogger logger, int attempts, string batchId);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Shipper unavailable (journal); {Signals} signals refused (signals_dropped_journal_unavailable)")]
    public static partial void RefusedWhileDown(ILogger logger, int signals);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Information, Message = "Shipper restarting after {DelayMs} ms")]
    public static partial void Restarting(ILogger logger, long delayMs);
}
