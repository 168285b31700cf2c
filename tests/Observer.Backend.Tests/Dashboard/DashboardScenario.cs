using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Dashboard;

/// <summary>Signals that make the dashboard look like a working afternoon: history over the last hour, then a voice task.</summary>
public static class DashboardScenario
{
    public static List<AiCallSignal> History(DateTimeOffset now)
    {
        var calls = new List<AiCallSignal>();
        for (var i = 0; i < 24; i++)
        {
            var at = now.AddMinutes(-58 + (i * 2.4));
            var wave = Math.Sin(i / 3.0);
            calls.Add(i % 3 == 0
                ? Signals.Call(provider: "anthropic", model: "claude-sonnet-4", latencyMs: 900 + (300 * wave), ttftMs: 380 + (60 * wave),
                    at: at, inputTokens: 800 + (i * 20), outputTokens: 240, cost: 0.0060m)
                : Signals.Call(model: i % 2 == 0 ? "gpt-4o" : "gpt-4o-mini", latencyMs: 600 + (200 * wave), ttftMs: 210 + (40 * wave),
                    at: at, inputTokens: 400 + (i * 10), outputTokens: 120, cost: 0.0012m,
                    status: i == 13 ? 429 : 200));
        }

        return calls;
    }

    public static (List<AiCallSignal> Calls, TaskSignal Task) VoiceTask(DateTimeOffset now)
    {
        var taskId = "task-voice-" + Guid.NewGuid().ToString("N")[..8];
        var stt = Signals.Call(provider: "deepgram", model: "nova-2", latencyMs: 420, at: now.AddSeconds(-3), taskId: taskId,
            inputTokens: null, outputTokens: null, cost: 0.0002m) with { Category = "speech_to_text", Operation = "audio_transcription" };
        var llm = Signals.Call(model: "gpt-4o-mini", latencyMs: 780, ttftMs: 230, at: now.AddSeconds(-2.5), taskId: taskId,
            inputTokens: 120, outputTokens: 48, cost: 0.00005m);
        var tts = Signals.Call(provider: "elevenlabs", model: "eleven_turbo_v2", latencyMs: 640, at: now.AddSeconds(-1.6), taskId: taskId,
            inputTokens: null, outputTokens: null, cost: 0.0036m) with { Category = "text_to_speech", Operation = "speech_synthesis" };
        var calls = new List<AiCallSignal> { stt, llm, tts };
        var task = Signals.Task(taskId, calls, "voice_conversation") with
        {
            Correlation = "pipeline",
            StartedAt = stt.Timestamp,
            EndedAt = now,
            Timestamp = stt.Timestamp,
            DurationMs = 3000,
        };
        return (calls, task);
    }
}
