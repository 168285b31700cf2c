using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Proxy.Hosting;

namespace Observer.Proxy.Connect;

/// <summary>
/// A CONNECT that is not intercepted: a TCP connection to the (possibly --resolve'd) upstream and bytes copied both
/// ways, untouched. No certificate is minted; the client sees the upstream's own. One exchange record (method
/// CONNECT) reports the tunnel's byte counts and duration, or why it could not be opened.
/// </summary>
internal sealed class BlindTunnel
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private readonly ProxyRuntime _runtime;

    public BlindTunnel(ProxyRuntime runtime) => _runtime = runtime;

    public async Task RunAsync(ConnectionContext context, ProxyConnectionFeature state, ConnectTarget target, DateTimeOffset startedAt)
    {
        var started = Stopwatch.GetTimestamp();
        var endpoint = _runtime.Resolver.Resolve(target.Host, target.Port);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        string? destinationIp = (endpoint as IPEndPoint)?.Address.ToString();
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed);
            connectTimeout.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(endpoint, connectTimeout.Token).ConfigureAwait(false);
            destinationIp = (socket.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? destinationIp;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            var timedOut = e is OperationCanceledException && !context.ConnectionClosed.IsCancellationRequested;
            var type = timedOut ? ProxyErrorTypes.UpstreamTimeout : ProxyErrorTypes.UpstreamUnreachable;
            var reason = timedOut ? $"connecting to {target.Host}:{target.Port} timed out" : $"cannot connect to {target.Host}:{target.Port}: {e.Message}";
            _runtime.Metrics.Error(type);
            ProxyLog.TunnelFailed(_runtime.Logger, state.Id.Value, target.Host, target.Port, type, reason);
            await RawResponses.WriteErrorAsync(context.Transport.Output, timedOut ? 504 : 502, timedOut ? "Gateway Timeout" : "Bad Gateway", reason).ConfigureAwait(false);
            Complete(state, target, startedAt, started, destinationIp, timedOut ? 504 : 502, 0, 0, new SignalError(type, reason), clientAborted: false);
            return;
        }

        long up = 0, down = 0;
        var clientAborted = false;
        using var watchdog = new IdleWatchdog(_runtime.Options.IdleTimeout, context.ConnectionClosed);
        await using (var upstream = new NetworkStream(socket, ownsSocket: true))
        {
            await context.Transport.Output.WriteAsync(RawResponses.ConnectionEstablished).ConfigureAwait(false);
            var toUpstream = PumpToUpstreamAsync(context.Transport.Input, upstream, socket, watchdog, n => up += n);
            var toClient = PumpToClientAsync(upstream, context.Transport.Output, watchdog, n => down += n);
            var first = await Task.WhenAny(toUpstream, toClient).ConfigureAwait(false);
            if (first == toClient)
            {
                // Upstream closed (or failed): nothing more can reach the client; stop reading from it.
                watchdog.Cancel();
            }

            clientAborted = !await toUpstream.ConfigureAwait(false);
            await toClient.ConfigureAwait(false);
        }

        Complete(state, target, startedAt, started, destinationIp, 200, up, down,
            watchdog.TimedOut ? new SignalError(ProxyErrorTypes.UpstreamTimeout, "tunnel idle timeout") : null, clientAborted && !watchdog.TimedOut);
    }

    /// <summary>Client → upstream. Returns false when the client side failed (reset) rather than finishing.</summary>
    private static async Task<bool> PumpToUpstreamAsync(PipeReader input, NetworkStream upstream, Socket socket, IdleWatchdog watchdog, Action<int> count)
    {
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(watchdog.Token).ConfigureAwait(false);
                foreach (var segment in result.Buffer)
                {
                    await upstream.WriteAsync(segment, watchdog.Token).ConfigureAwait(false);
                    count(segment.Length);
                }

                input.AdvanceTo(result.Buffer.End);
                watchdog.Touch();
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            socket.Shutdown(SocketShutdown.Send);
            return true;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or ConnectionResetException)
        {
            return e is not ConnectionResetException;
        }
    }

    private static async Task PumpToClientAsync(NetworkStream upstream, PipeWriter output, IdleWatchdog watchdog, Action<int> count)
    {
        try
        {
            while (true)
            {
                var memory = output.GetMemory(16 * 1024);
                var n = await upstream.ReadAsync(memory, watchdog.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                output.Advance(n);
                count(n);
                watchdog.Touch();
                var flush = await output.FlushAsync(watchdog.Token).ConfigureAwait(false);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Either side went away or the tunnel idled out; the connection closes below.
        }
    }

    private void Complete(ProxyConnectionFeature state, ConnectTarget target, DateTimeOffset startedAt, long started, string? destinationIp,
        int status, long up, long down, SignalError? error, bool clientAborted)
    {
        _runtime.Metrics.Exchange("https");
        _runtime.Sink.ExchangeCompleted(new ExchangeRecord
        {
            ExchangeId = Contracts.Ids.ExchangeId.New(DateTimeOffset.UtcNow),
            Connection = state.Id,
            Sequence = state.NextSequence(),
            ClientIp = state.ClientIp,
            ClientPort = state.ClientPort,
            Protocol = target.Port == 80 ? "http" : "https",
            HttpVersion = "1.1",
            Method = "CONNECT",
            Host = target.Host,
            Port = target.Port,
            Path = "",
            DestinationIp = destinationIp,
            DestinationPort = _runtime.Resolver.Find(target.Host, target.Port)?.Port ?? target.Port,
            Status = status,
            RequestBytes = up,
            ResponseBytes = down,
            StartedAt = startedAt,
            LatencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            ClientAborted = clientAborted,
            Error = error ?? (clientAborted ? new SignalError(ProxyErrorTypes.ClientAborted, "client reset the tunnel") : null),
        });
    }
}
