using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;
using Observer.Proxy.Connect;
using Observer.Proxy.Forwarding;
using Observer.Proxy.Tls;
using Yarp.ReverseProxy.Forwarder;

namespace Observer.Proxy;

/// <summary>
/// The interception engine: one Kestrel listener per proxy port, each accepting absolute-form HTTP proxy requests
/// and CONNECT tunnels (intercepted or blind), forwarding with YARP through one shared handler.
/// </summary>
public sealed class ProxyServer : IAsyncDisposable
{
    private readonly ProxyOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Hosting.ProxyRuntime _runtime;
    private readonly HttpMessageInvoker _invoker;
    private readonly List<ListenOptions> _listeners = [];
    private WebApplication? _app;
    private bool _stopped;

    public ProxyServer(ProxyOptions options, CertificateAuthority ca, Func<string, int, bool> isCatalogHost,
        IExchangeSink sink, ObserverMetrics metrics, ILoggerFactory loggerFactory)
    {
        options.Validate();
        _options = options;
        _loggerFactory = loggerFactory;
        var resolver = new UpstreamResolver(options.Resolve);
        var policy = new InterceptionPolicy(options.Intercept, options.Passthrough, options.InterceptAll, isCatalogHost);
        var leaves = new LeafCertificateCache(ca.Certificate, options.LeafCacheCapacity);
        _runtime = new Hosting.ProxyRuntime(options, policy, resolver, leaves, sink, new Hosting.ProxyMetrics(metrics), loggerFactory.CreateLogger("Observer.Proxy"));
        _invoker = new HttpMessageInvoker(UpstreamHandlerFactory.Create(resolver, new UpstreamCertificateValidator(options.UpstreamCaPath)), disposeHandler: true);
    }

    /// <summary>The endpoints actually bound (ephemeral ports resolved) once <see cref="StartAsync"/> returned.</summary>
    public IReadOnlyList<IPEndPoint> BoundEndpoints => _listeners.Select(l => l.IPEndPoint!).ToList();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the proxy is already started");
        }

        _listeners.Clear();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<ILoggerFactory>(new Hosting.ProxyLoggerFactory(_loggerFactory));
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddHttpForwarder();
        builder.WebHost.UseKestrel(ConfigureKestrel);
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = _options.InlineScheduling);
        var app = builder.Build();
        var handler = new ForwardingHandler(_runtime, app.Services.GetRequiredService<IHttpForwarder>(), _invoker);
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"cannot bind proxy listener on {_options.BindAddress} ports {string.Join(", ", _options.Ports)}: {e.Message}", e);
        }

        _app = app;
        foreach (var endpoint in BoundEndpoints)
        {
            Hosting.ProxyLog.Listening(_runtime.Logger, endpoint.ToString());
        }
    }

    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (_app is null || _stopped)
        {
            return;
        }

        _stopped = true;
        Hosting.ProxyLog.Stopping(_runtime.Logger, gracePeriod.TotalSeconds);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(gracePeriod);
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await StopAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        _invoker.Dispose();
        _runtime.Leaves.Dispose();
    }

    private void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.AllowHostHeaderOverride = true;
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.Limits.MinRequestBodyDataRate = null;
        kestrel.Limits.MinResponseDataRate = null;
        kestrel.Limits.KeepAliveTimeout = _options.IdleTimeout;
        kestrel.Limits.MaxConcurrentConnections = null;
        kestrel.Limits.MaxConcurrentUpgradedConnections = null;
        var address = IPAddress.Parse(_options.BindAddress);
        var tls = new TlsHandshakeHandler(_runtime.Leaves);
        foreach (var port in _options.Ports)
        {
            kestrel.Listen(address, port, listen =>
            {
                _listeners.Add(listen);
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                var http = new HttpDelegateHolder();
                listen.Use(next => new ConnectMiddleware(next, http, _runtime).OnConnectionAsync);
                listen.UseHttps(new TlsHandshakeCallbackOptions
                {
                    OnConnection = tls.OnConnection,
                    HandshakeTimeout = _options.ConnectHeadTimeout,
                });
                listen.Use(http.Capture);
            });
        }
    }
}
