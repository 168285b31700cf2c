using Microsoft.Extensions.Logging;

namespace Observer.Proxy.Hosting;

/// <summary>
/// The logger factory handed to the proxy's own Kestrel/YARP host. ASP.NET Core and YARP log every request at
/// Information ("Request starting …", "Proxying to {url}") — one line per exchange, with URLs whose query strings
/// may hold keys. Those categories are raised to Warning; the proxy logs each failure itself, once.
/// </summary>
internal sealed class ProxyLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;

    public ProxyLoggerFactory(ILoggerFactory inner) => _inner = inner;

    public ILogger CreateLogger(string categoryName)
    {
        var logger = _inner.CreateLogger(categoryName);
        return categoryName.StartsWith("Yarp.", StringComparison.Ordinal) || categoryName.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
            ? new MinimumLevelLogger(logger, LogLevel.Warning)
            : logger;
    }

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    /// <summary>The host owns the inner factory.</summary>
    public void Dispose()
    {
    }

    private sealed class MinimumLevelLogger(ILogger inner, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= minimum)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
