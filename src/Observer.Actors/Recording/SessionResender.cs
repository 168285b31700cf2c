using System.Diagnostics;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Recording;

/// <summary>
/// Client replay: re-sends a session's recorded requests, in order, to their original upstream or to an override
/// (<c>--target</c> replaces scheme, host and port). Sends method, path and query (key-bearing query values were
/// redacted at record time), the recorded body, and every header except hop-by-hop ones, Host/Content-Length,
/// Content-Encoding (recorded bodies are decoded), redacted credentials and <c>X-Axom-*</c> control headers.
/// </summary>
public sealed class SessionResender
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host", "Content-Length", "Content-Encoding", "Expect",
    };

    private readonly HttpClient _client;

    public SessionResender(HttpClient client) => _client = client;

    /// <summary>The outcome of one re-sent request.</summary>
    public sealed record Result(long Sequence, string Method, string Url, int Status, double ElapsedMs, string? Error);

    /// <summary>Why a session cannot be re-sent, or null when it can.</summary>
    public static string? RefusalReason(RecordedSession session)
    {
        if (session.Exchanges.Count == 0)
        {
            return $"session {session.SessionId} has no recorded exchanges";
        }

        if (!session.BodiesRecorded)
        {
            return $"session {session.SessionId} was recorded without bodies (--record-bodies=false): cannot re-send";
        }

        var truncated = session.Exchanges.FirstOrDefault(x => x.Exchange.RequestBodyTruncated);
        return truncated is null
            ? null
            : $"exchange {truncated.Exchange.Sequence} of session {session.SessionId} has a request body cut at the tap limit: cannot re-send";
    }

    public async Task<IReadOnlyList<Result>> ResendAsync(RecordedSession session, Uri? target, CancellationToken cancellationToken)
    {
        if (RefusalReason(session) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var results = new List<Result>();
        foreach (var recorded in session.Exchanges)
        {
            results.Add(await SendAsync(recorded.Exchange, target, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    public static Uri TargetUrl(ExchangeRecord x, Uri? target)
    {
        var original = new Uri(HarExport.Url(x));
        if (target is null)
        {
            return original;
        }

        return new UriBuilder(original) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
    }

    private async Task<Result> SendAsync(ExchangeRecord x, Uri? target, CancellationToken cancellationToken)
    {
        var url = TargetUrl(x, target);
        using var request = new HttpRequestMessage(new HttpMethod(x.Method), url);
        if (x.HttpVersion == "2")
        {
            request.Version = new Version(2, 0);
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }

        var contentHeaders = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in x.RequestHeaders.Fields)
        {
            if (name.StartsWith(':') || Skipped.Contains(name) || name.StartsWith("X-Axom-", StringComparison.OrdinalIgnoreCase)
                || CredentialRedactor.Default.IsCredentialHeader(name) || value == CredentialRedactor.Redacted)
            {
                continue;
            }

            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                contentHeaders.Add(new(name, value));
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (x.RequestBody.Length > 0 || contentHeaders.Count > 0)
        {
            request.Content = new ByteArrayContent(x.RequestBody.ToArray());
            foreach (var (name, value) in contentHeaders)
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            return new Result(x.Sequence, x.Method, url.ToString(), (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, null);
        }
        catch (HttpRequestException ex)
        {
            return new Result(x.Sequence, x.Method, url.ToString(), 0, watch.Elapsed.TotalMilliseconds, ex.Message);
        }
    }

    /// <summary>A client for re-sending: no proxy, no cookies, no redirects followed, no trace headers added.</summary>
    public static HttpClient CreateClient(TimeSpan timeout) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ActivityHeadersPropagator = null,
    })
    {
        Timeout = timeout,
    };
}
