using Microsoft.AspNetCore.Http;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Proxy.Connect;
using Observer.Proxy.Hosting;

namespace Observer.Proxy.Observation;

/// <summary>
/// Turns a finished <see cref="ExchangeObservation"/> into an immutable <see cref="ExchangeRecord"/> and hands it to
/// the sink. Compressed body copies are decoded on the thread pool, after the client has its response.
/// </summary>
internal sealed class ExchangeRecorder
{
    private readonly ProxyRuntime _runtime;

    public ExchangeRecorder(ProxyRuntime runtime) => _runtime = runtime;

    public void Complete(HttpContext context, ProxyConnectionFeature connection, ExchangeObservation o, int status, SignalError? error, bool clientAborted)
    {
        var latency = o.ElapsedMs();
        var metrics = _runtime.Metrics;
        metrics.Exchange(o.Protocol);
        if (error is not null)
        {
            metrics.Error(error.Type);
        }

        var request = o.RequestBody;
        var response = o.ResponseBody;
        if (request?.Truncated == true || response?.Truncated == true)
        {
            metrics.TapDegraded("body_limit");
        }

        if (o.Sse?.Degraded == true)
        {
            metrics.TapDegraded("sse_limit");
        }

        var streamed = o.IsEventStream || (o.ResponseContentLength is null && o.ResponseWrites > 1);
        var record = new ExchangeRecord
        {
            ExchangeId = o.ExchangeId,
            Connection = connection.Id,
            Sequence = o.Sequence,
            ClientIp = connection.ClientIp,
            ClientPort = connection.ClientPort,
            Protocol = o.Protocol,
            HttpVersion = o.HttpVersion,
            Method = o.Method,
            Host = o.Host,
            Port = o.Port,
            Path = o.Path,
            Query = o.Query,
            DestinationIp = o.DestinationIp,
            DestinationPort = o.DestinationPort,
            RequestHeaders = o.RequestHeaders,
            ResponseHeaders = status == 0 ? HeaderList.Empty : HeaderSnapshot.Capture(context.Response.Headers, _runtime.Redactor),
            Status = status,
            RequestBytes = request?.Total ?? 0,
            ResponseBytes = response?.Total ?? 0,
            StartedAt = o.StartedAt,
            TtfbMs = status == 0 ? null : o.TtfbMs ?? latency,
            LatencyMs = latency,
            ClientAborted = clientAborted,
            Error = error,
            RequestBody = request?.Captured ?? ReadOnlyMemory<byte>.Empty,
            RequestBodyTruncated = request?.Truncated ?? false,
            ResponseBody = response?.Captured ?? ReadOnlyMemory<byte>.Empty,
            ResponseBodyTruncated = response?.Truncated ?? false,
            Streamed = streamed,
            SseEvents = o.Sse?.Events ?? [],
            Chunks = o.Sse is not null ? o.Sse.Count : streamed ? o.ResponseWrites : null,
            WebSocket = o.WebSocket is { Upgraded: true } ws ? ws.Counts : null,
        };

        var requestEncoding = context.Request.Headers.ContentEncoding.ToString();
        var responseEncoding = status == 0 ? "" : context.Response.Headers.ContentEncoding.ToString();
        var decodeRequest = record.RequestBody.Length > 0 && BodyDecoder.CanDecode(requestEncoding);
        var decodeResponse = record.ResponseBody.Length > 0 && BodyDecoder.CanDecode(responseEncoding);
        if (!decodeRequest && !decodeResponse)
        {
            _runtime.Sink.ExchangeCompleted(record);
            return;
        }

        var work = new DecodeWork(_runtime, record, decodeRequest ? requestEncoding : null, decodeResponse ? responseEncoding : null, o.TapLimit);
        ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
    }

    private sealed class DecodeWork(ProxyRuntime runtime, ExchangeRecord record, string? requestEncoding, string? responseEncoding, int limit)
        : IThreadPoolWorkItem
    {
        public void Execute()
        {
            var result = record;
            try
            {
                if (requestEncoding is not null)
                {
                    var (body, cut) = BodyDecoder.Decode(record.RequestBody, requestEncoding, limit);
                    result = result with { RequestBody = body, RequestBodyTruncated = record.RequestBodyTruncated || cut };
                }

                if (responseEncoding is not null)
                {
                    var (body, cut) = BodyDecoder.Decode(record.ResponseBody, responseEncoding, limit);
                    result = result with { ResponseBody = body, ResponseBodyTruncated = record.ResponseBodyTruncated || cut };
                }
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
            {
                ProxyLog.ObservationFailed(runtime.Logger, e, record.Connection.Value);
            }

            runtime.Sink.ExchangeCompleted(result);
        }
    }
}
