using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Observer.Contracts.Exchanges;
using Observer.Proxy.Hosting;

namespace Observer.Proxy.Connect;

/// <summary>
/// First middleware of every proxy listener. Opens the connection's observation, reads a CONNECT head (bounded in
/// size and time), answers it, and routes the connection: blind tunnel, TLS interception, plain HTTP inside the
/// tunnel, or — for anything that is not a CONNECT — straight to Kestrel's HTTP layer (absolute-form proxying).
/// </summary>
internal sealed class ConnectMiddleware
{
    private readonly ConnectionDelegate _tls;
    private readonly HttpDelegateHolder _http;
    private readonly ProxyRuntime _runtime;
    private readonly BlindTunnel _tunnel;

    public ConnectMiddleware(ConnectionDelegate tls, HttpDelegateHolder http, ProxyRuntime runtime)
    {
        _tls = tls;
        _http = http;
        _runtime = runtime;
        _tunnel = new BlindTunnel(runtime);
    }

    public async Task OnConnectionAsync(ConnectionContext context)
    {
        var remote = context.RemoteEndPoint as IPEndPoint;
        var local = context.LocalEndPoint as IPEndPoint;
        var state = new ProxyConnectionFeature(
            ConnectionId.New(), remote?.Address.ToString() ?? "", remote?.Port ?? 0, local?.Port ?? 0, DateTimeOffset.UtcNow);
        context.Features.Set(state);
        _runtime.Metrics.ActiveConnections.Inc();
        _runtime.Sink.ConnectionOpened(new ConnectionInfo(state.Id, state.ClientIp, state.ClientPort, state.ListenerPort, state.OpenedAt));
        try
        {
            await RouteAsync(context, state).ConfigureAwait(false);
        }
        finally
        {
            _runtime.Metrics.ActiveConnections.Dec();
            _runtime.Sink.ConnectionClosed(state.Id, DateTimeOffset.UtcNow);
        }
    }

    private async Task RouteAsync(ConnectionContext context, ProxyConnectionFeature state)
    {
        var options = _runtime.Options;
        var input = context.Transport.Input;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed);
        deadline.CancelAfter(options.ConnectHeadTimeout);
        var startedAt = DateTimeOffset.UtcNow;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await RejectAsync(context, state, 408, "Request Timeout", "the CONNECT request was not completed in time", "connect_timeout").ConfigureAwait(false);
                return;
            }

            var buffer = result.Buffer;
            var kind = ConnectHead.Classify(buffer, options.MaxConnectHeadBytes, out var headEnd, out var target);
            switch (kind)
            {
                case ConnectHead.Kind.NotConnect:
                    // Nothing consumed, nothing examined: Kestrel's parser starts on the bytes already here.
                    input.AdvanceTo(buffer.Start);
                    _runtime.Metrics.AcceptedPlain.Inc();
                    await _http.Http!(context).ConfigureAwait(false);
                    return;
                case ConnectHead.Kind.NeedMore when !result.IsCompleted:
                    input.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                case ConnectHead.Kind.NeedMore:
                    input.AdvanceTo(buffer.End);
                    return;
                case ConnectHead.Kind.TooLarge:
                    input.AdvanceTo(buffer.End);
                    await RejectAsync(context, state, 431, "Request Header Fields Too Large", "the CONNECT head exceeds the size limit", "connect_too_large").ConfigureAwait(false);
                    return;
                case ConnectHead.Kind.Invalid:
                    input.AdvanceTo(buffer.End);
                    await RejectAsync(context, state, 400, "Bad Request", "malformed CONNECT request", "bad_request").ConfigureAwait(false);
                    return;
                default:
                    input.AdvanceTo(headEnd);
                    await ConnectAsync(context, state, target!, startedAt, deadline.Token).ConfigureAwait(false);
                    return;
            }
        }
    }

    private async Task ConnectAsync(ConnectionContext context, ProxyConnectionFeature state, ConnectTarget target, DateTimeOffset startedAt, CancellationToken headDeadline)
    {
        if (!_runtime.Policy.ShouldIntercept(target.Host, target.Port))
        {
            _runtime.Metrics.AcceptedTunnel.Inc();
            ProxyLog.ConnectAccepted(_runtime.Logger, state.Id.Value, target.Host, target.Port, ProxyMetrics.ModeTunnel);
            await _tunnel.RunAsync(context, state, target, startedAt).ConfigureAwait(false);
            return;
        }

        _runtime.Metrics.AcceptedIntercept.Inc();
        ProxyLog.ConnectAccepted(_runtime.Logger, state.Id.Value, target.Host, target.Port, ProxyMetrics.ModeIntercept);
        state.Target = target;
        await context.Transport.Output.WriteAsync(RawResponses.ConnectionEstablished, context.ConnectionClosed).ConfigureAwait(false);

        var first = await PeekFirstByteAsync(context.Transport.Input, headDeadline).ConfigureAwait(false);
        if (first == 0x16)
        {
            // A TLS handshake record: Kestrel's TLS middleware mints the leaf from the SNI (or this target).
            state.Tls = true;
            state.DestinationPrefix = "https://" + target.UriHost + ":" + target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await _tls(context).ConfigureAwait(false);
        }
        else if (first is >= 'A' and <= 'Z')
        {
            // Plain HTTP (or ws://) inside the tunnel, e.g. CONNECT host:80.
            state.DestinationPrefix = "http://" + target.UriHost + ":" + target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await _http.Http!(context).ConfigureAwait(false);
        }
        else if (first >= 0)
        {
            _runtime.Metrics.Error("client_tls_error");
            ProxyLog.ClientRejected(_runtime.Logger, state.Id.Value, "tunnelled bytes are neither a TLS ClientHello nor HTTP");
        }
    }

    /// <summary>The first byte the client sends into the tunnel, -1 when it closes or stays silent past the deadline.</summary>
    private static async Task<int> PeekFirstByteAsync(PipeReader input, CancellationToken deadline)
    {
        try
        {
            var result = await input.ReadAsync(deadline).ConfigureAwait(false);
            if (result.Buffer.IsEmpty)
            {
                input.AdvanceTo(result.Buffer.End);
                return -1;
            }

            int first = result.Buffer.FirstSpan[0];
            input.AdvanceTo(result.Buffer.Start);
            return first;
        }
        catch (OperationCanceledException)
        {
            return -1;
        }
    }

    private async Task RejectAsync(ConnectionContext context, ProxyConnectionFeature state, int status, string phrase, string text, string errorType)
    {
        _runtime.Metrics.Error(errorType);
        ProxyLog.ClientRejected(_runtime.Logger, state.Id.Value, text);
        await RawResponses.WriteErrorAsync(context.Transport.Output, status, phrase, text).ConfigureAwait(false);
    }
}
