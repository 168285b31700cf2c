using Microsoft.Extensions.Logging;

namespace Observer.Actors.Persistence;

/// <summary>Log messages of the journal (event ids 6100–6119).</summary>
internal static partial class JournalLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Journal ready at {Location}")]
    public static partial void Prepared(ILogger logger, string location);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "Journal cannot be prepared; signals cannot be accepted until it can")]
    public static partial void PrepareFailed(ILogger logger, Exception exception);
}
