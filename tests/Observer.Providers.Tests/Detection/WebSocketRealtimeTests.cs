using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Detection;

public sealed class WebSocketRealtimeTests
{
    private static readonly ConnectionId Connection = new("conn-1");

    private static WebSocketMessageObserved Server(double atMs, string text) =>
        new(Connection, "ex-ws", "api.openai.com", "/v1/realtime", atMs, FromClient: false, IsText: true, text.Length, text);

    private static ExchangeRecord Upgrade(string host, string path, string query) => Capture.Parse($"""
        GET wss://{host}{path}?{query}
        upgrade: websocket

        === RESPONSE 101
        upgrade: websocket

        """) with
    {
        WebSocket = new WebSocketCounts(MessagesIn: 6, MessagesOut: 3, BytesIn: 4096, BytesOut: 1024),
        LatencyMs = 60_000,
    };

    [Fact]
    public void OpenAiRealtime_SumsUsageOfEveryResponseDone()
    {
        var accumulator = Detector.Instance.CreateWebSocketAccumulator("api.openai.com", 443, "/v1/realtime");
        Assert.NotNull(accumulator);

        accumulator.Observe(Server(50, """{"type":"session.created","event_id":"event_1","session":{"id":"sess_001","object":"realtime.session","model":"gpt-4o-realtime-preview-2024-12-17","modalities":["text","audio"]}}"""));
        accumulator.Observe(Server(900, """{"type":"response.audio.delta","event_id":"event_4","response_id":"resp_001","item_id":"msg_008","output_index":0,"content_index":0,"delta":"Base64EncodedAudioDelta"}"""));
        accumulator.Observe(Server(1500, """{"type":"response.done","event_id":"event_3132","response":{"id":"resp_001","object":"realtime.response","status":"completed","status_details":null,"output":[],"usage":{"total_tokens":275,"input_tokens":127,"output_tokens":148,"input_token_details":{"cached_tokens":64,"text_tokens":119,"audio_tokens":8},"output_token_details":{"text_tokens":36,"audio_tokens":112}}}}"""));
        accumulator.Observe(Server(4000, """{"type":"response.done","event_id":"event_4000","response":{"id":"resp_002","object":"realtime.response","status":"completed","output":[],"usage":{"total_tokens":100,"input_tokens":60,"output_tokens":40,"input_token_details":{"cached_tokens":0,"text_tokens":60,"audio_tokens":0},"output_token_details":{"text_tokens":40,"audio_tokens":0}}}}"""));
        accumulator.Observe(new WebSocketMessageObserved(Connection, "ex-ws", "api.openai.com", "/v1/realtime", 10, true, false, 32000, null));

        var exchange = Upgrade("api.openai.com", "/v1/realtime", "model=gpt-4o-realtime-preview-2024-12-17");
        var s = Detector.Instance.Detect(exchange, Detector.Context, accumulator)!.Signal;

        Assert.Equal("realtime", s.Operation);
        Assert.Equal("wss", s.Protocol);
        Assert.True(s.Stream);
        Assert.Equal(new WebSocketCounts(6, 3, 4096, 1024), s.Websocket);
        Assert.Equal("gpt-4o-realtime-preview-2024-12-17", s.Model);
        Assert.Equal(187, s.Usage.InputTokens);
        Assert.Equal(188, s.Usage.OutputTokens);
        Assert.Equal(375, s.Usage.TotalTokens);
        Assert.Equal(64, s.Usage.CacheReadInputTokens);
        Assert.Equal(900, s.TtftMs);
        Assert.Equal("stop", s.FinishReason);
        Assert.Equal(UsageSources.Reported, s.UsageSource);

        // Text 115 uncached × 5 + 64 cached × 2.5 + 8 audio × 40 + text out 76 × 20 + audio out 112 × 80, per 1M.
        Assert.Equal(0.011535m, s.CostUsd);
    }

    [Fact]
    public void DeepgramLive_DurationFromMetadata()
    {
        var accumulator = Detector.Instance.CreateWebSocketAccumulator("api.deepgram.com", 443, "/v1/listen");
        Assert.NotNull(accumulator);

        WebSocketMessageObserved Message(double at, string text) => new(Connection, "ex-dg", "api.deepgram.com", "/v1/listen", at, false, true, text.Length, text);
        accumulator.Observe(Message(700, """{"type":"Results","channel_index":[0,1],"duration":1.98,"start":0.0,"is_final":true,"channel":{"alternatives":[{"transcript":"hello there","confidence":0.98}]}}"""));
        accumulator.Observe(Message(2600, """{"type":"Results","channel_index":[0,1],"duration":2.02,"start":1.98,"is_final":true,"channel":{"alternatives":[{"transcript":"how are you","confidence":0.97}]}}"""));
        accumulator.Observe(Message(3000, """{"type":"Metadata","transaction_key":"deprecated","request_id":"5d2f","sha256":"ab","created":"2025-01-01T00:00:00.000Z","duration":4.1,"channels":1}"""));

        var s = Detector.Instance.Detect(Upgrade("api.deepgram.com", "/v1/listen", "model=nova-3&encoding=linear16"), Detector.Context, accumulator)!.Signal;

        Assert.Equal("audio_transcription", s.Operation);
        Assert.Equal("nova-3", s.Model);
        Assert.Equal(4.1, s.Usage.AudioSeconds);
        Assert.Equal(700, s.TtftMs);
        Assert.Equal(0.0002938333m, s.CostUsd); // 4.1 s × 0.0043 / 60
    }

    [Fact]
    public void DeepgramLive_WithoutMetadata_UsesEndOfLastResult()
    {
        var accumulator = Detector.Instance.CreateWebSocketAccumulator("api.deepgram.com", 443, "/v1/listen")!;
        accumulator.Observe(new(Connection, "ex", "api.deepgram.com", "/v1/listen", 5, false, true, 10, """{"type":"Results","duration":1.5,"start":2.5,"channel":{"alternatives":[{"transcript":""}]}}"""));

        var s = Detector.Instance.Detect(Upgrade("api.deepgram.com", "/v1/listen", "model=nova-3"), Detector.Context, accumulator)!.Signal;

        Assert.Equal(4.0, s.Usage.AudioSeconds);
        Assert.Null(s.TtftMs);
    }

    [Fact]
    public void ElevenLabsInputStreaming_CountsClientText()
    {
        var accumulator = Detector.Instance.CreateWebSocketAccumulator("api.elevenlabs.io", 443, "/v1/text-to-speech/voice1/stream-input");
        Assert.NotNull(accumulator);

        WebSocketMessageObserved Client(string text) => new(Connection, "ex", "api.elevenlabs.io", "/v1/text-to-speech/voice1/stream-input", 1, true, true, text.Length, text);
        accumulator.Observe(Client("""{"text":" ","voice_settings":{"stability":0.5},"model_id":"eleven_flash_v2_5"}"""));
        accumulator.Observe(Client("""{"text":"Hello world. "}"""));
        accumulator.Observe(Client("""{"text":"How are you? "}"""));
        accumulator.Observe(Client("""{"text":""}"""));

        var s = Detector.Instance.Detect(Upgrade("api.elevenlabs.io", "/v1/text-to-speech/voice1/stream-input", "model_id=eleven_flash_v2_5"), Detector.Context, accumulator)!.Signal;

        Assert.Equal(26, s.Usage.Characters);
        Assert.Equal("eleven_flash_v2_5", s.Model);
        Assert.Equal(0.0013m, s.CostUsd);
    }

    [Fact]
    public void DeepgramSpeakSocket_CountsSpeakText()
    {
        var accumulator = Detector.Instance.CreateWebSocketAccumulator("api.deepgram.com", 443, "/v1/speak");
        Assert.NotNull(accumulator);

        accumulator.Observe(new(Connection, "ex", "api.deepgram.com", "/v1/speak", 1, true, true, 40, """{"type":"Speak","text":"Hello, how can I help you today?"}"""));
        accumulator.Observe(new(Connection, "ex", "api.deepgram.com", "/v1/speak", 2, true, true, 17, """{"type":"Flush"}"""));

        var s = Detector.Instance.Detect(Upgrade("api.deepgram.com", "/v1/speak", "model=aura-2-thalia-en&encoding=linear16"), Detector.Context, accumulator)!.Signal;

        Assert.Equal("speech_synthesis", s.Operation);
        Assert.Equal(32, s.Usage.Characters);
        Assert.Equal(0.00096m, s.CostUsd);
    }

    [Fact]
    public void AssemblyAiStreaming_DurationFromTermination()
    {
        var accumulator = Detector.Instance.CreateWebSocketAccumulator("streaming.assemblyai.com", 443, "/v3/ws");
        Assert.NotNull(accumulator);

        WebSocketMessageObserved Message(double at, string text) => new(Connection, "ex", "streaming.assemblyai.com", "/v3/ws", at, false, true, text.Length, text);
        accumulator.Observe(Message(100, """{"type":"Begin","id":"de5d9927-73a6-4be8-b52d-b4c07be37e6b","expires_at":1759796682}"""));
        accumulator.Observe(Message(640, """{"turn_order":0,"turn_is_formatted":false,"end_of_turn":false,"transcript":"hi","end_of_turn_confidence":0.42,"words":[],"type":"Turn"}"""));
        accumulator.Observe(Message(9000, """{"type":"Termination","audio_duration_seconds":36,"session_duration_seconds":36}"""));

        var s = Detector.Instance.Detect(Upgrade("streaming.assemblyai.com", "/v3/ws", "sample_rate=16000"), Detector.Context, accumulator)!.Signal;

        Assert.Equal("realtime", s.Operation);
        Assert.Equal(36, s.Usage.AudioSeconds);
        Assert.Equal(640, s.TtftMs);
        Assert.Equal(0.0015m, s.CostUsd); // 36 s × 0.15 / 3600
    }

    [Fact]
    public void NonRealtimeEndpoints_HaveNoAccumulator()
    {
        Assert.Null(Detector.Instance.CreateWebSocketAccumulator("api.openai.com", 443, "/v1/chat/completions"));
        Assert.Null(Detector.Instance.CreateWebSocketAccumulator("example.com", 443, "/v1/realtime"));
    }

    [Fact]
    public void RealtimeError_IsReported()
    {
        var accumulator = Detector.Instance.CreateWebSocketAccumulator("api.openai.com", 443, "/v1/realtime")!;
        accumulator.Observe(Server(10, """{"type":"error","event_id":"event_890","error":{"type":"invalid_request_error","code":"invalid_event","message":"The 'type' field is missing.","param":null,"event_id":"event_567"}}"""));
        accumulator.Observe(Server(20, """{"type":"response.done","response":{"status":"fail"""));

        var s = Detector.Instance.Detect(Upgrade("api.openai.com", "/v1/realtime", "model=gpt-4o-realtime-preview"), Detector.Context, accumulator)!.Signal;

        Assert.Equal("invalid_request_error", s.Error!.Type);
    }
}
