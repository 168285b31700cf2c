using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>
/// The upstream's <c>/trailer-echo</c>: reads the request body to the end, then answers with what arrived — the body's
/// SHA-256 and length and every request trailer — and, where Kestrel can send them (HTTP/2 only), a response trailer
/// carrying the body's SHA-256.
/// </summary>
public static class TrailerEchoEndpoint
{
    public const string Path = "/trailer-echo";
    public const string ResponseTrailer = "x-upstream-sha256";

    /// <summary>Response body lines: <c>body &lt;sha256&gt; &lt;bytes&gt;</c>, <c>trailers-supported &lt;bool&gt;</c>, then <c>trailer &lt;name&gt;: &lt;value&gt;</c> per trailer.</summary>
    public static async Task HandleAsync(HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        var response = context.Response;
        var canSendTrailers = response.SupportsTrailers();
        if (canSendTrailers)
        {
            response.DeclareTrailer(ResponseTrailer);
        }

        string hex;
        long total = 0;
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                total += n;
            }

            hex = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        // Request trailers exist only once the body has been read to its end.
        var text = new StringBuilder();
        text.Append("body ").Append(hex).Append(' ').Append(total.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("trailers-supported ").Append(request.SupportsTrailers() ? "true" : "false").Append('\n');
        if (request.CheckTrailersAvailable())
        {
            foreach (var (name, values) in context.Features.GetRequiredFeature<IHttpRequestTrailersFeature>().Trailers)
            {
                text.Append("trailer ").Append(name.ToLowerInvariant()).Append(": ").Append(values.ToString()).Append('\n');
            }
        }

        await response.WriteAsync(text.ToString(), ct);
        if (canSendTrailers)
        {
            response.AppendTrailer(ResponseTrailer, hex);
        }
    }
}
