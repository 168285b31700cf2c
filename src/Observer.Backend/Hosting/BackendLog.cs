namespace Observer.Backend.Hosting;

/// <summary>Source-generated log messages of the backend; event ids live here.</summary>
internal static partial class BackendLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "axom-backend listening on {Urls}, database {DatabasePath}")]
    public static partial void Started(ILogger logger, string urls, string databasePath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rejected signal batch {BatchId}: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string? batchId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Invalid signal batch {BatchId}: signal {Index}, field {Field}: {Problem}")]
    public static partial void Invalid(ILogger logger, string? batchId, int? index, string field, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Batch {BatchId}: {Received} signals, {New} new")]
    public static partial void Stored(ILogger logger, string? batchId, int received, int @new);
}
