using Microsoft.Extensions.Logging;

namespace Observer.Host.Logging;

/// <summary>The host's log messages. Event ids 1000–1099 belong to the host.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Proxy listening on {Endpoints}")]
    public static partial void ProxyListening(ILogger logger, string endpoints);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Shutting down: letting in-flight exchanges finish for up to {GraceSeconds} s")]
    public static partial void ShuttingDown(ILogger logger, double graceSeconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Proxy stopped; observations handed to the actors: {Drained}")]
    public static partial void ProxyStopped(ILogger logger, bool drained);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Admin endpoint on {Address}")]
    public static partial void AdminListening(ILogger logger, string address);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Observer failed to start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string reason);
}
