using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Observer.Contracts.Exchanges;
using Observer.Providers;
using Observer.Providers.Detection;

namespace Observer.Bench.Detection;

/// <summary>Detection + parsing of one exchange into an <c>ai_call</c> signal and its features (targets: ≤ 20 µs non-streamed, ≤ 200 µs for 200 events).</summary>
[MemoryDiagnoser]
[Config(typeof(Settings))]
public class DetectionBenchmarks
{
    private readonly ExchangeDetector _detector = new(ProvidersConfiguration.LoadDefault());
    private readonly DetectionContext _context = new("cust", "agent", "conn-1");
    private readonly ExchangeRecord _chat = Exchanges.OpenAiChat();
    private readonly ExchangeRecord _stream = Exchanges.OpenAiStream200();
    private readonly ExchangeRecord _anthropicStream = Exchanges.AnthropicStream200();
    private readonly ExchangeRecord _nonAi = Exchanges.NonAi();

    [GlobalSetup]
    public void Setup()
    {
        // Fail fast if a benchmark would measure a detection that lost its usage.
        if (_detector.Detect(_stream, _context)?.Signal.Usage.TotalTokens != 249
            || _detector.Detect(_anthropicStream, _context)?.Signal.Usage.OutputTokens != 197
            || _detector.Detect(_chat, _context)?.Signal.CostUsd is null)
        {
            throw new InvalidOperationException("benchmark exchanges are not detected as expected");
        }
    }

    [Benchmark(Baseline = true, Description = "OpenAI chat, non-streamed")]
    public DetectedCall? NonStreamedChat() => _detector.Detect(_chat, _context);

    [Benchmark(Description = "OpenAI chat, 200-event stream")]
    public DetectedCall? OpenAiStream200() => _detector.Detect(_stream, _context);

    [Benchmark(Description = "Anthropic messages, 200-event stream")]
    public DetectedCall? AnthropicStream200() => _detector.Detect(_anthropicStream, _context);

    [Benchmark(Description = "Non-AI exchange (rejected)")]
    public DetectedCall? NonAiExchange() => _detector.Detect(_nonAi, _context);

    private sealed class Settings : ManualConfig
    {
        public Settings() => AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithLaunchCount(1));
    }
}
