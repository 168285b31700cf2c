using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Observer.Actors.Shipping;

/// <summary>
/// POSTs one batch to the backend with the SIGNALS.md headers and classifies the answer. Never throws for a
/// delivery failure: timeouts and connection errors come back as <see cref="DeliveryOutcome.Retry"/>.
/// The client ignores HTTP(S)_PROXY: the observer is usually that proxy, and must not route its own traffic through itself.
/// </summary>
public sealed class BatchSender : IDisposable
{
    private readonly ShipperOptions _options;
    private readonly HttpClient _client;
    private readonly byte[]? _signingKey;
    private readonly Uri _backend;

    public BatchSender(ShipperOptions options)
    {
        _options = options;
        _backend = new Uri(options.BackendUrl);
        _signingKey = options.SigningKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public static string UserAgent { get; } = "axom-observer/" + Version();

    /// <summary>Hex HMAC-SHA256 of <paramref name="body"/>, as in <c>X-Axom-Signature: sha256=&lt;hex&gt;</c>.</summary>
    public static string Sign(byte[] key, ReadOnlySpan<byte> body) => Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    public async Task<DeliveryResult> SendAsync(string batchId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _backend) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (_options.BackendToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add("X-Axom-Customer-Id", _options.CustomerId);
        request.Headers.Add("X-Axom-Agent-Id", _options.AgentId);
        request.Headers.Add("X-Axom-Batch-Id", batchId);
        if (_signingKey is not null)
        {
            request.Headers.Add("X-Axom-Signature", "sha256=" + Sign(_signingKey, body.Span));
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var outcome = DeliveryResult.Classify(status);
            return new DeliveryResult(outcome, status, outcome == DeliveryOutcome.Retry ? RetryAfter(response) : null, $"HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, 0, null, $"timeout after {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, 0, null, $"connection error: {ex.HttpRequestError}");
        }
    }

    public void Dispose() => _client.Dispose();

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private static string Version()
    {
        var assembly = typeof(BatchSender).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
