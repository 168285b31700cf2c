using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Recording;

/// <summary>
/// Writes a recorded session as a HAR 1.2 log (what Chrome DevTools and other HAR viewers open). Timings: the proxy
/// measures time to the first and the last response byte, so <c>wait</c> is the time to first byte, <c>receive</c>
/// the rest, <c>send</c> 0, and blocked/dns/connect/ssl are -1 (not measured). Bodies are the recorded, decoded bytes.
/// </summary>
public static class HarExport
{
    public static void Write(Stream destination, RecordedSession session, string creatorVersion)
    {
        using var w = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("log");
        w.WriteString("version", "1.2");
        w.WriteStartObject("creator");
        w.WriteString("name", "axom-observer");
        w.WriteString("version", creatorVersion);
        w.WriteEndObject();
        w.WriteString("comment", $"session {session.SessionId}");
        w.WriteStartArray("entries");
        foreach (var recorded in session.Exchanges)
        {
            WriteEntry(w, recorded);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter w, RecordingEvents.ExchangeRecorded recorded)
    {
        var x = recorded.Exchange;
        var wait = Math.Round(Math.Max(0, x.TtfbMs ?? x.LatencyMs), 3);
        var receive = Math.Round(Math.Max(0, x.LatencyMs - wait), 3);
        var version = x.HttpVersion == "2" ? "HTTP/2" : "HTTP/1.1";
        w.WriteStartObject();
        w.WriteString("startedDateTime", x.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteNumber("time", wait + receive);
        w.WriteStartObject("request");
        w.WriteString("method", x.Method);
        w.WriteString("url", Url(x));
        w.WriteString("httpVersion", version);
        w.WriteStartArray("cookies");
        w.WriteEndArray();
        Headers(w, x.RequestHeaders);
        w.WriteStartArray("queryString");
        foreach (var part in x.Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            w.WriteStartObject();
            w.WriteString("name", Uri.UnescapeDataString(eq < 0 ? part : part[..eq]));
            w.WriteString("value", eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("headersSize", -1);
        w.WriteNumber("bodySize", x.RequestBytes);
        if (recorded.BodiesRecorded && x.RequestBody.Length > 0)
        {
            w.WriteStartObject("postData");
            w.WriteString("mimeType", x.RequestHeaders["Content-Type"] ?? "application/octet-stream");
            w.WriteString("text", Encoding.UTF8.GetString(x.RequestBody.Span));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("response");
        w.WriteNumber("status", x.Status);
        w.WriteString("statusText", x.Status == 0 ? x.Error?.Type ?? "" : StatusText(x.Status));
        w.WriteString("httpVersion", version);
        w.WriteStartArray("cookies");
        w.WriteEndArray();
        Headers(w, x.ResponseHeaders);
        w.WriteStartObject("content");
        w.WriteNumber("size", recorded.BodiesRecorded ? x.ResponseBody.Length : x.ResponseBytes);
        w.WriteString("mimeType", x.ResponseHeaders["Content-Type"] ?? "x-unknown");
        if (recorded.BodiesRecorded && x.ResponseBody.Length > 0)
        {
            if (IsText(x.ResponseHeaders["Content-Type"]))
            {
                w.WriteString("text", Encoding.UTF8.GetString(x.ResponseBody.Span));
            }
            else
            {
                w.WriteString("text", Convert.ToBase64String(x.ResponseBody.Span));
                w.WriteString("encoding", "base64");
            }
        }

        w.WriteEndObject();
        w.WriteString("redirectURL", x.ResponseHeaders["Location"] ?? "");
        w.WriteNumber("headersSize", -1);
        w.WriteNumber("bodySize", x.Status == 0 ? -1 : x.ResponseBytes);
        w.WriteEndObject();
        w.WriteStartObject("cache");
        w.WriteEndObject();
        w.WriteStartObject("timings");
        w.WriteNumber("blocked", -1);
        w.WriteNumber("dns", -1);
        w.WriteNumber("connect", -1);
        w.WriteNumber("ssl", -1);
        w.WriteNumber("send", 0);
        w.WriteNumber("wait", wait);
        w.WriteNumber("receive", receive);
        w.WriteEndObject();
        if (x.DestinationIp is { } ip)
        {
            w.WriteString("serverIPAddress", ip);
        }

        w.WriteString("connection", x.Connection.Value);
        w.WriteEndObject();
    }

    /// <summary>The request URL as the client addressed it (the query had key-bearing parameters redacted at record time).</summary>
    public static string Url(ExchangeRecord x)
    {
        var secure = x.Protocol is "https" or "wss";
        var scheme = secure ? "https" : "http";
        var port = (secure && x.Port == 443) || (!secure && x.Port == 80) ? "" : ":" + x.Port.ToString(CultureInfo.InvariantCulture);
        var host = x.Host.Contains(':', StringComparison.Ordinal) ? $"[{x.Host}]" : x.Host;
        return $"{scheme}://{host}{port}{x.Path}{(x.Query.Length > 0 ? "?" + x.Query : "")}";
    }

    private static void Headers(Utf8JsonWriter w, HeaderList headers)
    {
        w.WriteStartArray("headers");
        foreach (var field in headers.Fields)
        {
            w.WriteStartObject();
            w.WriteString("name", field.Key);
            w.WriteString("value", field.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static bool IsText(string? contentType) =>
        contentType is null
        || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("event-stream", StringComparison.OrdinalIgnoreCase);

    private static string StatusText(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "";
}
