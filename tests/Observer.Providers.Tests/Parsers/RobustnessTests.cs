using System.IO.Compression;
using System.Text;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

/// <summary>Every parser family fed truncated, non-JSON, compressed, empty and 10 MB bodies: a signal, never an exception.</summary>
public sealed class RobustnessTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    public static TheoryData<string> Captures() =>
    [
        "openai/chat.http", "openai/chat_stream_usage.http", "openai/responses_stream.http", "openai/transcription.http",
        "anthropic/messages.http", "anthropic/messages_stream.http", "google_ai/generate.http", "google_ai/stream_array.http",
        "google_ai/stream_sse.http", "cohere/v2_chat.http", "cohere/v1_chat_stream.http", "deepgram/listen.http",
        "assemblyai/completed.http", "elevenlabs/tts.http", "elevenlabs/stt.http", "azure_speech/tts.http",
        "azure_speech/stt.http", "twilio/call_fetch.http", "daily/room.http", "aws_bedrock/converse.http",
        "aws_bedrock/invoke_claude.http", "local/ollama_chat_stream.http",
    ];

    [Theory]
    [MemberData(nameof(Captures))]
    public void TruncatedBodies_StillReportTheCall(string capture)
    {
        var exchange = Capture.Load(capture);
        var cut = exchange with
        {
            RequestBody = exchange.RequestBody[..(exchange.RequestBody.Length / 2)],
            RequestBodyTruncated = true,
            ResponseBody = exchange.ResponseBody[..(exchange.ResponseBody.Length / 2)],
            ResponseBodyTruncated = true,
            SseEvents = [.. exchange.SseEvents.Take(exchange.SseEvents.Count / 2).Select((e, i) => i == (exchange.SseEvents.Count / 2) - 1 ? e with { Data = e.Data[..(e.Data.Length / 2)] } : e)],
        };

        var s = Detector.Detect(cut).Signal;

        Assert.Equal(Detector.Detect(exchange).Signal.Provider, s.Provider);
        Assert.Equal(exchange.Status, s.Status);
    }

    [Fact]
    public void TruncatedRequest_StillYieldsTheModel()
    {
        var exchange = Capture.Load("openai/chat.http");
        var cut = exchange with { RequestBody = exchange.RequestBody[..40], RequestBodyTruncated = true, ResponseBody = ReadOnlyMemory<byte>.Empty, Status = 200 };

        var s = Detector.Detect(cut).Signal;

        Assert.Equal("gpt-4o-mini", s.Model);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void NonJsonBodies_StillReportTheCall(string capture)
    {
        var exchange = Capture.Load(capture);
        var html = "<html><body><h1>502 Bad Gateway</h1></body></html>"u8.ToArray();
        var garbage = exchange with
        {
            RequestBody = new byte[] { 0xff, 0xfe, 0x00, 0x7b, 0x22 },
            ResponseBody = html,
            SseEvents = [new SseEvent(100, null, "not json {"), new SseEvent(110, "message_start", "}{")],
        };

        var s = Detector.Detect(garbage).Signal;

        Assert.Equal(Detector.Detect(exchange).Signal.Provider, s.Provider);
        Assert.Equal(exchange.Status, s.Status);
        Assert.Null(s.ResponseModel);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void GzipBodies_ParseLikeThePlainOnes(string capture)
    {
        var exchange = Capture.Load(capture);
        var zipped = exchange with
        {
            RequestBody = Gzip(exchange.RequestBody.Span),
            ResponseBody = Gzip(exchange.ResponseBody.Span),
        };

        var plain = Detector.Detect(exchange).Signal;
        var s = Detector.Detect(zipped).Signal;

        Assert.Equal(plain.Usage, s.Usage);
        Assert.Equal(plain.Model, s.Model);
        Assert.Equal(plain.CostUsd, s.CostUsd);
    }

    [Fact]
    public void BrotliResponse_WithContentEncoding_IsDecoded()
    {
        var exchange = Capture.Load("openai/chat.http");
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(exchange.ResponseBody.Span);
        }

        var compressed = exchange with
        {
            ResponseBody = output.ToArray(),
            ResponseHeaders = new([new("content-type", "application/json"), new("content-encoding", "br")]),
        };

        Assert.Equal(1227, Detector.Detect(compressed).Signal.Usage.TotalTokens);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void EmptyBodies_StillReportTheCall(string capture)
    {
        var exchange = Capture.Load(capture);
        var empty = exchange with { RequestBody = ReadOnlyMemory<byte>.Empty, ResponseBody = ReadOnlyMemory<byte>.Empty, SseEvents = [] };

        var s = Detector.Detect(empty).Signal;

        Assert.Equal(exchange.Status, s.Status);
        Assert.Null(s.Error);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void TenMegabyteBodies_ParseWithoutLosingUsage(string capture)
    {
        var exchange = Capture.Load(capture);
        var big = exchange with
        {
            RequestBody = Pad(exchange.RequestBody),
            ResponseBody = Pad(exchange.ResponseBody),
            SseEvents = exchange.SseEvents.Count == 0 ? [] : [new SseEvent(90, null, "{\"padding\":\"" + new string('a', TenMegabytes) + "\"}"), .. exchange.SseEvents],
        };

        var plain = Detector.Detect(exchange).Signal;
        var s = Detector.Detect(big).Signal;

        Assert.Equal(plain.Provider, s.Provider);
        // (An SSML or form body padded with text really does have more characters.)
        if (plain.UsageSource == UsageSources.Reported && exchange.RequestBody.Length > 0 && exchange.RequestBody.Span[0] == (byte)'{')
        {
            Assert.Equal(plain.Usage, s.Usage);
        }
    }

    [Theory]
    [InlineData("""{"model":"gpt-4o","usage":{"prompt_tokens":9223372036854775807,"completion_tokens":9223372036854775807,"total_tokens":-1}}""")]
    [InlineData("""{"model":"gpt-4o","usage":{"prompt_tokens":1e308,"completion_tokens":-5}}""")]
    [InlineData("""{"model":"whisper-1","duration":1e300}""")]
    [InlineData("""{"model":"gpt-4o","usage":{"prompt_tokens":"12","completion_tokens":{"x":1}},"choices":"nope"}""")]
    public void AbsurdUsageValues_NeverThrow(string response)
    {
        var exchange = Capture.Load("openai/transcription.http") with { ResponseBody = System.Text.Encoding.UTF8.GetBytes(response) };
        var chat = Capture.Load("openai/chat.http") with { ResponseBody = System.Text.Encoding.UTF8.GetBytes(response) };

        Assert.Equal("openai", Detector.Detect(exchange).Signal.Provider);
        var usage = Detector.Detect(chat).Signal.Usage;
        Assert.False(usage.OutputTokens < 0 || usage.TotalTokens < 0, "negative counts are dropped");
    }

    [Fact]
    public void TenMegabytesOfRandomBytes_StillReportTheCall()
    {
        var exchange = Capture.Load("anthropic/messages.http");
        var noise = new byte[TenMegabytes];
        new Random(42).NextBytes(noise);

        var s = Detector.Detect(exchange with { RequestBody = noise, ResponseBody = noise }).Signal;

        Assert.Equal("anthropic", s.Provider);
        Assert.Equal(UsageSources.None, s.UsageSource);
    }

    /// <summary>Adds a 10 MB string field at the start of a JSON object, or 10 MB of text otherwise.</summary>
    private static byte[] Pad(ReadOnlyMemory<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Span);
        var padding = new string('a', TenMegabytes);
        return Encoding.UTF8.GetBytes(text.StartsWith('{') ? "{\"padding\":\"" + padding + "\"," + text[1..] : text + "\n" + padding);
    }

    private static byte[] Gzip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
