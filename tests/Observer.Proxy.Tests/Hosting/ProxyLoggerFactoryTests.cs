using Microsoft.Extensions.Logging;
using Observer.Proxy.Hosting;

namespace Observer.Proxy.Tests.Hosting;

public sealed class ProxyLoggerFactoryTests
{
    [Fact]
    public void PerRequestFrameworkLogs_AreRaisedToWarning()
    {
        var lines = new List<string>();
        using var inner = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListProvider(lines)));
        var factory = new ProxyLoggerFactory(inner);

        factory.CreateLogger("Yarp.ReverseProxy.Forwarder.HttpForwarder").LogInformation("Proxying to https://x/?key=secret");
        factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").LogInformation("Request starting");
        factory.CreateLogger("Yarp.ReverseProxy.Forwarder.HttpForwarder").LogWarning("kept");
        factory.CreateLogger("Observer.Proxy").LogInformation("own");

        Assert.Equal(["kept", "own"], lines);
    }

    private sealed class ListProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add(formatter(state, exception));
    }
}
