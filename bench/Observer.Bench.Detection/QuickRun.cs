using System.Diagnostics;
using System.Globalization;
using Observer.Contracts.Exchanges;
using Observer.Providers;
using Observer.Providers.Detection;

namespace Observer.Bench.Detection;

/// <summary>
/// A fast cross-check of the BenchmarkDotNet figures on a busy machine: the best of 20 batches per exchange
/// (the minimum is the figure least disturbed by other processes), printed in microseconds per call.
/// </summary>
public static class QuickRun
{
    public static void Run()
    {
        var detector = new ExchangeDetector(ProvidersConfiguration.LoadDefault());
        var context = new DetectionContext("cust", "agent", "conn-1");
        Measure("OpenAI chat, non-streamed", detector, context, Exchanges.OpenAiChat(), 2000);
        Measure("OpenAI chat, 200-event stream", detector, context, Exchanges.OpenAiStream200(), 200);
        Measure("Anthropic messages, 200-event stream", detector, context, Exchanges.AnthropicStream200(), 200);
        Measure("Non-AI exchange (rejected)", detector, context, Exchanges.NonAi(), 20000);
    }

    private static void Measure(string name, ExchangeDetector detector, DetectionContext context, ExchangeRecord exchange, int perBatch)
    {
        for (var i = 0; i < perBatch; i++)
        {
            detector.Detect(exchange, context);
        }

        var best = double.MaxValue;
        var samples = new List<double>();
        for (var batch = 0; batch < 20; batch++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++)
            {
                detector.Detect(exchange, context);
            }

            var perCall = watch.Elapsed.TotalMicroseconds / perBatch;
            samples.Add(perCall);
            best = Math.Min(best, perCall);
        }

        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} best {best,9:F2} µs   median {samples[samples.Count / 2],9:F2} µs"));
    }
}
