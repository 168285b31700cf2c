using System.Diagnostics;
using System.Globalization;
using System.Text;
using Observer.Backend.Hosting;
using Observer.Contracts.Ids;
using Observer.Contracts.Signals;

// Ingestion and query figures of axom-backend: real Kestrel on loopback, real SQLite file, HttpClient.
// Usage: dotnet run -c Release --project bench/Observer.Bench.Backend -- [signals] [batch size]
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var batchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var dataDir = Directory.CreateTempSubdirectory("axom-backend-bench-").FullName;
await using var app = await BackendApp.StartAsync(new BackendOptions { Port = 0, DataDir = dataDir });
using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };

var now = DateTimeOffset.UtcNow;
var providers = new[] { ("openai", "gpt-4o-mini"), ("openai", "gpt-4o"), ("anthropic", "claude-sonnet-4"), ("google_ai", "gemini-2.0-flash") };
var batches = Enumerable.Range(0, total).Select(i => (Signal)Call(i)).Chunk(batchSize).Select(b => SignalJson.SerializeBatch(b)).ToList();

var ingest = await PostAllAsync();
var replay = await PostAllAsync();
Console.WriteLine($"axom-backend bench: {total:N0} ai_call signals in batches of {batchSize}, SQLite at {dataDir}");
Console.WriteLine($"  ingest (all new)        {Rate(ingest)}");
Console.WriteLine($"  replay (all duplicates) {Rate(replay)}");
foreach (var (name, url) in new[]
{
    ("GET /api/v1/calls?limit=50", "/api/v1/calls?limit=50"),
    ("GET /api/v1/calls?provider=anthropic&status=error", "/api/v1/calls?provider=anthropic&status=error"),
    ("GET /api/v1/stats (all)", "/api/v1/stats"),
    ("GET /api/v1/series?buckets=30 (all)", "/api/v1/series?buckets=30"),
})
{
    var times = new List<double>();
    for (var i = 0; i < 11; i++)
    {
        var clock = Stopwatch.StartNew();
        (await http.GetAsync(url)).EnsureSuccessStatusCode();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-52} median {times[5],8:F1} ms   best {times[0],8:F1} ms"));
}

await app.StopAsync();
Directory.Delete(dataDir, recursive: true);
return 0;

async Task<TimeSpan> PostAllAsync()
{
    var clock = Stopwatch.StartNew();
    foreach (var body in batches)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        (await http.PostAsync(BackendApp.SignalsPath, content)).EnsureSuccessStatusCode();
    }

    return clock.Elapsed;
}

string Rate(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
    $"{elapsed.TotalSeconds,7:F2} s  {total / elapsed.TotalSeconds,9:N0} signals/s  {elapsed.TotalMilliseconds / batches.Count,7:F1} ms per batch");

AiCallSignal Call(int i)
{
    var (provider, model) = providers[i % providers.Length];
    var status = i % 50 == 0 ? 429 : 200;
    return new AiCallSignal
    {
        Id = SignalId.New(), CustomerId = "bench", AgentId = "agent-" + (i % 5), Timestamp = now.AddMilliseconds(-i * 100.0),
        SessionId = "session-" + (i / 20), TaskId = "task-" + (i / 5), Provider = provider, ProviderName = provider, Category = "llm",
        Operation = "chat", Protocol = "https", HttpVersion = "1.1", Method = "POST", Host = "api.example", Port = 443,
        Path = "/v1/chat/completions", Status = status, Source = new SourceEndpoint("127.0.0.1", 40000 + (i % 1000)),
        Destination = new DestinationEndpoint("api.example", "127.0.0.1", 443), LatencyMs = 200 + (i % 700), TtfbMs = 100,
        TtftMs = i % 2 == 0 ? 150 + (i % 90) : null, Stream = i % 2 == 0, Chunks = i % 2 == 0 ? 40 : null,
        RequestBytes = 900, ResponseBytes = 2400, Model = model, ResponseModel = model,
        Usage = new Usage { InputTokens = 300 + (i % 50), OutputTokens = 80, TotalTokens = 380 + (i % 50) },
        UsageSource = UsageSources.Reported, CostUsd = 0.0004m, FinishReason = status == 200 ? "stop" : "error",
        Error = status == 200 ? null : new SignalError("rate_limit_exceeded", "slow down"),
        Properties = new Dictionary<string, string> { ["run"] = Encoding.ASCII.GetString("bench"u8) },
    };
}
