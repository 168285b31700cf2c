using System.Globalization;

namespace Observer.Bench.Proxy;

/// <summary>Command line of the benchmark: which scenarios, how long, or a profiling run.</summary>
internal sealed record BenchSettings(
    string Only,
    TimeSpan WarmUp,
    int LatencyRounds,
    int LatencyRequests,
    int ThroughputRounds,
    TimeSpan ThroughputRound,
    int SseRuns,
    int? ProfileSeconds)
{
    public static BenchSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var only = Value(args, "--only") ?? "abc";
        if (only.Any(c => c is not ('a' or 'b' or 'c')))
        {
            throw new ArgumentException("--only takes scenario letters among a, b, c (for example --only ac)");
        }

        return new BenchSettings(
            only,
            WarmUp: TimeSpan.FromSeconds(quick ? 1 : 5),
            LatencyRounds: quick ? 1 : 4,
            LatencyRequests: quick ? 500 : 2500,
            ThroughputRounds: quick ? 1 : 2,
            ThroughputRound: TimeSpan.FromSeconds(quick ? 3 : 5),
            SseRuns: quick ? 5 : 20,
            ProfileSeconds: Value(args, "--profile") is { } seconds ? int.Parse(seconds, CultureInfo.InvariantCulture) : null);
    }

    public bool Runs(char scenario) => Only.Contains(scenario, StringComparison.Ordinal);

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
