namespace Observer.DemoAI.Hosting;

/// <summary>Source-generated log messages of the demo provider.</summary>
internal static partial class DemoAiLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "axom-demo-ai listening on {Urls}; demo CA written to {CaPath}")]
    public static partial void Started(ILogger logger, string urls, string caPath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Host}{Path} -> {Status}")]
    public static partial void Served(ILogger logger, string method, string host, string path, int status);
}
