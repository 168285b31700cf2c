using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Observer.Contracts.Signals;
using Observer.Proxy.Connect;
using Observer.Proxy.Hosting;
using Observer.Proxy.Observation;
using Yarp.ReverseProxy.Forwarder;

namespace Observer.Proxy.Forwarding;

/// <summary>
/// The HTTP layer's only endpoint: works out where a request goes (tunnel authority or absolute-form URI),
/// installs the observation taps, forwards with YARP, maps failures to 502/504, and records the exchange.
/// </summary>
internal sealed class ForwardingHandler
{
    private readonly ProxyRuntime _runtime;
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _invoker;
    private readonly ExchangeRecorder _recorder;
    private readonly ForwarderRequestConfig _http11;
    private readonly ForwarderRequestConfig _http2;

    public ForwardingHandler(ProxyRuntime runtime, IHttpForwarder forwarder, HttpMessageInvoker invoker)
    {
        _runtime = runtime;
        _forwarder = forwarder;
        _invoker = invoker;
        _recorder = new ExchangeRecorder(runtime);

        // Upstream speaks the client's HTTP version when it can: no protocol translation unless the upstream lacks h2.
        _http11 = new ForwarderRequestConfig { ActivityTimeout = runtime.Options.IdleTimeout, Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
        _http2 = new ForwarderRequestConfig { ActivityTimeout = runtime.Options.IdleTimeout, Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
    }

    public async Task HandleAsync(HttpContext context)
    {
        var connection = context.Features.Get<ProxyConnectionFeature>()!;
        var request = context.Request;
        var extendedConnect = context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } ext ? ext : null;
        if (HttpMethods.IsConnect(request.Method) && extendedConnect is null)
        {
            // Only a connection's first request can become a tunnel (it is handled before the HTTP layer).
            await RespondAsync(context, 405, "CONNECT is only accepted as the first request of a connection").ConfigureAwait(false);
            return;
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        if (!RequestTarget.TryResolve(connection, rawTarget, request.Headers.Host.ToString(), out var target))
        {
            _runtime.Metrics.Error("bad_request");
            await RespondAsync(context, 400, "not a proxy request: use an absolute URI or CONNECT").ConfigureAwait(false);
            return;
        }

        var isHttp2 = request.Protocol == "HTTP/2";
        var isWebSocket = extendedConnect is not null
            ? string.Equals(extendedConnect.Protocol, "websocket", StringComparison.OrdinalIgnoreCase)
            : request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);
        var queryStart = target.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var resolved = _runtime.Resolver.Find(target.Host, target.Port);
        var observation = new ExchangeObservation(_runtime.Options.TapLimitBytes)
        {
            Protocol = isWebSocket ? (target.Secure ? "wss" : "ws") : (target.Secure ? "https" : "http"),
            HttpVersion = isHttp2 ? "2" : "1.1",
            Method = extendedConnect is not null ? "GET" : request.Method,
            Host = target.Host,
            Port = target.Port,
            Path = queryStart < 0 ? target.PathAndQuery : target.PathAndQuery[..queryStart],
            Query = queryStart < 0 ? "" : _runtime.Redactor.RedactQuery(target.PathAndQuery[(queryStart + 1)..]),
            DestinationIp = resolved?.Address.ToString() ?? (IPAddress.TryParse(target.Host, out _) ? target.Host : null),
            DestinationPort = resolved?.Port ?? target.Port,
            Sequence = connection.NextSequence(),
        };

        observation.RequestHeaders = HeaderSnapshot.Capture(request.Headers, _runtime.Redactor, out var hasControlHeaders);
        HeaderSnapshot.StripForUpstream(request.Headers, keepUpgrade: isWebSocket, hasControlHeaders);
        var transformer = new ProxyTransformer(new Uri(target.Prefix + target.PathAndQuery), target.HostHeader);
        InstallTaps(context, connection, observation, isWebSocket, extendedConnect);

        var error = await _forwarder.SendAsync(context, target.Prefix, _invoker, isHttp2 ? _http2 : _http11, transformer).ConfigureAwait(false);

        var status = context.Response.StatusCode;
        SignalError? signalError = null;
        // Only a failed exchange can be a client abort: a client that hangs up right after the last byte aborted nothing.
        var clientAborted = false;
        if (error != ForwarderError.None)
        {
            clientAborted = context.RequestAborted.IsCancellationRequested;
            var failure = ForwardingFailure.Map(error, context.Features.Get<IForwarderErrorFeature>()?.Exception, clientAborted, target.Host + ":" + target.Port.ToString(CultureInfo.InvariantCulture), _runtime.Options.IdleTimeout);
            signalError = new SignalError(failure.Type, failure.Reason);
            clientAborted |= failure.Type == ProxyErrorTypes.ClientAborted;
            status = failure.UpstreamResponded ? status : 0;
            if (failure.Type != ProxyErrorTypes.ClientAborted)
            {
                ProxyLog.ForwardFailed(_runtime.Logger, connection.Id.Value, observation.Method, target.Host, target.Port, failure.Type, failure.Reason);
            }

            if (failure.Status != 0 && !context.Response.HasStarted)
            {
                await RespondAsync(context, failure.Status, failure.Reason).ConfigureAwait(false);
            }
        }
        else if (observation.WebSocket is not { Upgraded: true })
        {
            await CompleteResponseAsync(context).ConfigureAwait(false);
        }

        _recorder.Complete(context, connection, observation, status, signalError, clientAborted);
    }

    private void InstallTaps(HttpContext context, ProxyConnectionFeature connection, ExchangeObservation observation, bool isWebSocket, IHttpExtendedConnectFeature? extendedConnect)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            observation.RequestBody = new BodyTap(observation.TapLimit, request.ContentLength);
            request.Body = new RequestTapStream(request.Body, observation.RequestBody);
        }

        var bodyFeature = context.Features.Get<IHttpResponseBodyFeature>()!;
        context.Features.Set<IHttpResponseBodyFeature>(new ResponseTapFeature(bodyFeature, context.Response, observation));

        if (isWebSocket)
        {
            observation.WebSocket = new WebSocketSession(_runtime, observation, connection.Id);
            if (extendedConnect is not null)
            {
                context.Features.Set<IHttpExtendedConnectFeature>(new ObservedExtendedConnectFeature(extendedConnect, observation.WebSocket));
            }
            else if (context.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
            {
                context.Features.Set<IHttpUpgradeFeature>(new ObservedUpgradeFeature(upgrade, observation.WebSocket));
            }
        }
    }

    private static async Task CompleteResponseAsync(HttpContext context)
    {
        try
        {
            await context.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The client went away after the last byte; the record still describes the exchange.
        }
    }

    private static async Task RespondAsync(HttpContext context, int status, string text)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (status == 400)
        {
            context.Response.Headers.Connection = "close";
        }

        try
        {
            await context.Response.WriteAsync(text + "\n").ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The client is gone.
        }
    }
}
