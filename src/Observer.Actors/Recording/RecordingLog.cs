using Microsoft.Extensions.Logging;

namespace Observer.Actors.Recording;

/// <summary>Log events of session recording (event ids 5300–5319).</summary>
internal static partial class RecordingLog
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "Session recording is behind the journal: {Dropped} events dropped so far (traffic is unaffected)")]
    public static partial void Dropped(ILogger logger, double dropped);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Recording of session {SessionId} failed to write to the journal; its recorder stops")]
    public static partial void PersistFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Session index update for {SessionId} failed")]
    public static partial void IndexFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Recording retention deleted {Count} sessions ({Reason})")]
    public static partial void Deleted(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "Recording retention failed")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);
}
