using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Observer.Host.Configuration;

namespace Observer.Host.Logging;

/// <summary>Structured logs: JSON lines when stdout is not a terminal (containers, files), readable text on a terminal.</summary>
public static class LoggingSetup
{
    public static void Configure(ILoggingBuilder logging, LogLevelSetting level)
    {
        logging.ClearProviders();
        var minimum = ToLogLevel(level);
        logging.SetMinimumLevel(minimum);

        // Framework chatter stays quiet unless asked for: one line per request would drown the observer's own logs.
        logging.AddFilter("Microsoft", minimum <= LogLevel.Debug ? LogLevel.Information : LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        logging.AddFilter("Yarp", minimum <= LogLevel.Debug ? LogLevel.Information : LogLevel.Warning);

        if (Console.IsOutputRedirected)
        {
            logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                options.IncludeScopes = false;
            });
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
                options.ColorBehavior = LoggerColorBehavior.Enabled;
            });
        }
    }

    public static LogLevel ToLogLevel(LogLevelSetting level) => level switch
    {
        LogLevelSetting.Debug => LogLevel.Debug,
        LogLevelSetting.Warn => LogLevel.Warning,
        LogLevelSetting.Error => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
