using System.Text.Json;

namespace Observer.EndToEnd.Tests.Sessions;

/// <summary>Checks a HAR document against the HAR 1.2 required fields and timing rules; returns its entries.</summary>
public static class HarValidator
{
    public static IReadOnlyList<JsonElement> Validate(JsonElement root)
    {
        var log = root.GetProperty("log");
        Assert.Equal("1.2", log.GetProperty("version").GetString());
        var creator = log.GetProperty("creator");
        Assert.False(string.IsNullOrEmpty(creator.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(creator.GetProperty("version").GetString()));
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        foreach (var entry in entries)
        {
            Assert.True(DateTimeOffset.TryParse(entry.GetProperty("startedDateTime").GetString(), out _));
            var request = entry.GetProperty("request");
            foreach (var name in new[] { "method", "url", "httpVersion" })
            {
                Assert.Equal(JsonValueKind.String, request.GetProperty(name).ValueKind);
            }

            Assert.True(Uri.IsWellFormedUriString(request.GetProperty("url").GetString(), UriKind.Absolute));
            foreach (var name in new[] { "cookies", "headers", "queryString" })
            {
                Assert.Equal(JsonValueKind.Array, request.GetProperty(name).ValueKind);
            }

            Assert.Equal(JsonValueKind.Number, request.GetProperty("headersSize").ValueKind);
            Assert.Equal(JsonValueKind.Number, request.GetProperty("bodySize").ValueKind);
            if (request.TryGetProperty("postData", out var post))
            {
                Assert.Equal(JsonValueKind.String, post.GetProperty("mimeType").ValueKind);
            }

            var response = entry.GetProperty("response");
            Assert.Equal(JsonValueKind.Number, response.GetProperty("status").ValueKind);
            foreach (var name in new[] { "statusText", "httpVersion", "redirectURL" })
            {
                Assert.Equal(JsonValueKind.String, response.GetProperty(name).ValueKind);
            }

            Assert.Equal(JsonValueKind.Array, response.GetProperty("cookies").ValueKind);
            Assert.Equal(JsonValueKind.Array, response.GetProperty("headers").ValueKind);
            var content = response.GetProperty("content");
            Assert.Equal(JsonValueKind.Number, content.GetProperty("size").ValueKind);
            Assert.Equal(JsonValueKind.String, content.GetProperty("mimeType").ValueKind);
            Assert.Equal(JsonValueKind.Number, response.GetProperty("headersSize").ValueKind);
            Assert.Equal(JsonValueKind.Number, response.GetProperty("bodySize").ValueKind);
            Assert.Equal(JsonValueKind.Object, entry.GetProperty("cache").ValueKind);

            var timings = entry.GetProperty("timings");
            var send = timings.GetProperty("send").GetDouble();
            var wait = timings.GetProperty("wait").GetDouble();
            var receive = timings.GetProperty("receive").GetDouble();
            Assert.True(send >= 0 && wait >= 0 && receive >= 0, "send, wait and receive are required and non-negative");
            foreach (var optional in new[] { "blocked", "dns", "connect", "ssl" })
            {
                if (timings.TryGetProperty(optional, out var value))
                {
                    Assert.True(value.GetDouble() >= 0 || value.GetDouble() == -1);
                }
            }

            var sum = send + wait + receive;
            Assert.True(Math.Abs(entry.GetProperty("time").GetDouble() - sum) < 0.01, $"time {entry.GetProperty("time")} != send+wait+receive {sum}");
        }

        return entries;
    }
}
