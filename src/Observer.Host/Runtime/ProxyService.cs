using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Sessions;
using Observer.Host.Logging;
using Observer.Proxy;

namespace Observer.Host.Runtime;

/// <summary>
/// Runs the proxy listeners inside the host's lifetime. Registered after the actor system, so on shutdown it stops
/// first: no new connections, in-flight exchanges get the grace period, then the actors flush.
/// </summary>
public sealed class ProxyService(ProxyServer server, ActorExchangeSink sink, ObserverRuntimeOptions options, ILogger<ProxyService> logger) : IHostedService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private volatile bool _listening;

    public bool IsListening => _listening;

    public IReadOnlyList<IPEndPoint> Endpoints => server.BoundEndpoints;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        _listening = true;
        HostLog.ProxyListening(logger, string.Join(", ", server.BoundEndpoints));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _listening = false;
        HostLog.ShuttingDown(logger, options.ShutdownGrace.TotalSeconds);
        await server.StopAsync(options.ShutdownGrace, cancellationToken).ConfigureAwait(false);
        await server.DisposeAsync().ConfigureAwait(false);

        // The last exchanges' records are still on their way to detection: let them through before the actor
        // system stops, so their signals reach the journal.
        var drained = await sink.DrainAsync(DrainTimeout, cancellationToken).ConfigureAwait(false);
        HostLog.ProxyStopped(logger, drained);
    }
}
