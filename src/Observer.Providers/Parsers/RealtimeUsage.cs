using System.Text;
using System.Text.Json;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;

namespace Observer.Providers.Parsers;

/// <summary>The realtime WebSocket protocols whose usage the observer sums.</summary>
internal enum RealtimeKind
{
    /// <summary>OpenAI Realtime: usage in every server <c>response.done</c>.</summary>
    OpenAiRealtime,

    /// <summary>Deepgram live <c>/v1/listen</c>: audio duration from <c>Metadata</c> or the last <c>Results</c>.</summary>
    DeepgramListen,

    /// <summary>ElevenLabs <c>stream-input</c>, Deepgram <c>/v1/speak</c>: characters of the <c>text</c> the client sends.</summary>
    ClientTextCharacters,

    /// <summary>AssemblyAI streaming (<c>/v3/ws</c>): audio duration from the final <c>Termination</c> message.</summary>
    AssemblyAiStreaming,
}

/// <summary>
/// Reads realtime WebSocket messages one at a time into running sums (never keeping a message), and copies the sums
/// into the call when the session ends. Not thread-safe: the public accumulator serialises access.
/// </summary>
internal sealed class RealtimeUsage(RealtimeKind kind)
{
    private long? _inputTokens;
    private long? _outputTokens;
    private long? _totalTokens;
    private long? _cachedTokens;
    private long? _audioInputTokens;
    private long? _audioOutputTokens;
    private long? _characters;
    private double? _metadataSeconds;
    private double? _resultEndSeconds;
    private double? _firstContentMs;
    private string? _model;
    private string? _finishReason;
    private SignalError? _error;
    private int _responses;

    public void Observe(WebSocketMessageObserved message)
    {
        if (!message.IsText || string.IsNullOrEmpty(message.Text))
        {
            return;
        }

        try
        {
            switch (kind)
            {
                case RealtimeKind.OpenAiRealtime when !message.FromClient:
                    ObserveOpenAi(message);
                    break;
                case RealtimeKind.DeepgramListen when !message.FromClient:
                    ObserveDeepgram(message);
                    break;
                case RealtimeKind.ClientTextCharacters:
                    ObserveClientText(message);
                    break;
                case RealtimeKind.AssemblyAiStreaming when !message.FromClient:
                    ObserveAssemblyAi(message);
                    break;
            }
        }
        catch (JsonException)
        {
            // A message cut at the observation bound: its sums are lost, the session's are kept.
        }
    }

    private void ObserveOpenAi(WebSocketMessageObserved message)
    {
        var text = message.Text!;
        var typeAt = text.IndexOf("\"type\"", StringComparison.Ordinal);
        if (typeAt < 0)
        {
            return;
        }

        if (_firstContentMs is null && IsContentDelta(text))
        {
            _firstContentMs = message.AtMs;
        }

        if (!text.Contains("\"response.done\"", StringComparison.Ordinal) && !text.Contains("\"session.created\"", StringComparison.Ordinal)
            && !text.Contains("\"error\"", StringComparison.Ordinal))
        {
            return;
        }

        using var document = JsonRead.TryParse(Encoding.UTF8.GetBytes(text));
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        switch (root.Str("type"))
        {
            case "session.created" or "session.updated" when root.TryGetObject("session", out var session):
                _model = session.Str("model") ?? _model;
                break;
            case "error" when root.TryGetObject("error", out var error):
                _error = new SignalError(error.Str("type") ?? error.Str("code") ?? "realtime_error", ErrorExtractor.Cut(error.Str("message")));
                break;
            case "response.done" when root.TryGetObject("response", out var response):
                _responses++;
                _finishReason = FinishReasons.Normalize(response.Str("status")) ?? _finishReason;
                if (response.TryGetObject("usage", out var usage))
                {
                    var call = new ParsedCall();
                    OpenAiUsage.Read(usage, call);
                    _inputTokens = Sum(_inputTokens, call.InputTokens);
                    _outputTokens = Sum(_outputTokens, call.OutputTokens);
                    _totalTokens = Sum(_totalTokens, call.TotalTokens);
                    _cachedTokens = Sum(_cachedTokens, call.CacheReadInputTokens);
                    _audioInputTokens = Sum(_audioInputTokens, call.AudioInputTokens);
                    _audioOutputTokens = Sum(_audioOutputTokens, call.AudioOutputTokens);
                }

                break;
        }
    }

    private static bool IsContentDelta(string text) =>
        text.Contains("\"response.audio.delta\"", StringComparison.Ordinal)
        || text.Contains("\"response.output_audio.delta\"", StringComparison.Ordinal)
        || text.Contains("\"response.text.delta\"", StringComparison.Ordinal)
        || text.Contains("\"response.output_text.delta\"", StringComparison.Ordinal)
        || text.Contains("\"response.audio_transcript.delta\"", StringComparison.Ordinal)
        || text.Contains("\"response.output_audio_transcript.delta\"", StringComparison.Ordinal);

    private void ObserveDeepgram(WebSocketMessageObserved message)
    {
        using var document = JsonRead.TryParse(Encoding.UTF8.GetBytes(message.Text!));
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        switch (root.Str("type"))
        {
            case "Results":
                if (root.Double("start") is { } start && root.Double("duration") is { } duration)
                {
                    _resultEndSeconds = Math.Max(_resultEndSeconds ?? 0, start + duration);
                }

                if (_firstContentMs is null && root.TryGetObject("channel", out var channel) && channel.TryGetArray("alternatives", out var alternatives)
                    && alternatives.GetArrayLength() > 0 && !string.IsNullOrEmpty(alternatives[0].Str("transcript")))
                {
                    _firstContentMs = message.AtMs;
                }

                break;
            case "Metadata":
                _metadataSeconds = root.Double("duration") ?? _metadataSeconds;
                break;
        }
    }

    private void ObserveAssemblyAi(WebSocketMessageObserved message)
    {
        using var document = JsonRead.TryParse(Encoding.UTF8.GetBytes(message.Text!));
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        switch (root.Str("type"))
        {
            case "Turn" when _firstContentMs is null && !string.IsNullOrEmpty(root.Str("transcript")):
                _firstContentMs = message.AtMs;
                break;
            case "Termination":
                _metadataSeconds = root.Double("audio_duration_seconds") ?? _metadataSeconds;
                break;
        }
    }

    private void ObserveClientText(WebSocketMessageObserved message)
    {
        if (!message.FromClient)
        {
            // ElevenLabs answers with JSON carrying base64 "audio" (Deepgram's audio arrives as binary frames).
            if (_firstContentMs is null && message.Text!.Contains("\"audio\"", StringComparison.Ordinal))
            {
                _firstContentMs = message.AtMs;
            }

            return;
        }

        using var document = JsonRead.TryParse(Encoding.UTF8.GetBytes(message.Text!));
        if (document?.RootElement.Str("text") is { } text)
        {
            // The stream opens with " " and closes with "" by protocol; neither is billed text.
            var trimmed = text.Trim();
            if (trimmed.Length > 0)
            {
                _characters = (_characters ?? 0) + new StringInfoLength(text).Value;
            }
        }

        _model ??= document?.RootElement.Str("model_id");
    }

    /// <summary>Copies the sums into a call being detected.</summary>
    public void ApplyTo(ParsedCall call)
    {
        call.Model ??= _model;
        call.TtftMs ??= _firstContentMs;
        call.Error ??= _error;
        if (_responses > 0 || _totalTokens is not null)
        {
            call.InputTokens = _inputTokens;
            call.OutputTokens = _outputTokens;
            call.TotalTokens = _totalTokens;
            call.CacheReadInputTokens = _cachedTokens;
            call.AudioInputTokens = _audioInputTokens;
            call.AudioOutputTokens = _audioOutputTokens;
            call.FinishReason = _finishReason;
            call.UsageReported = _totalTokens is not null;
        }

        if ((_metadataSeconds ?? _resultEndSeconds) is { } seconds)
        {
            call.AudioSeconds = seconds;
            call.UsageReported = true;
        }

        if (_characters is { } characters)
        {
            call.Characters = characters;
            call.UsageReported = true;
        }
    }

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
