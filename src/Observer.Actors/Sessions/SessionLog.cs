using Microsoft.Extensions.Logging;

namespace Observer.Actors.Sessions;

/// <summary>Log events of the session side (event ids 5000–5019).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Observer hand-off queue full: {Dropped} observations dropped so far (traffic is unaffected; the actors are behind)")]
    public static partial void HandoffOverflow(ILogger logger, double dropped);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Observer hand-off pump failed; observations are no longer delivered to the actors")]
    public static partial void PumpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Session {SessionId} stopped after {Exchanges} exchanges ({Reason})")]
    public static partial void SessionStopped(ILogger logger, string sessionId, long exchanges, string reason);
}
