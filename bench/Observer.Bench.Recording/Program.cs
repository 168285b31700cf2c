using System.Diagnostics;
using System.Globalization;
using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Shipping;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;

// Usage: dotnet run -c Release --project bench/Observer.Bench.Recording -- [sessions] [exchanges-per-session] [body-bytes]
var sessions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var perSession = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25;
var bodyBytes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
var dataDir = Directory.CreateTempSubdirectory("axom-bench-recording-").FullName;
var journal = new JournalOptions { DataDir = dataDir };
var metrics = new ObserverMetrics();
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddObserverShipping();
builder.Services.AddAkka("bench-recording", akka => akka.AddObserverJournal(journal).AddSessionRecording(new RecordingOptions(), journal, metrics));
using var host = builder.Build();
await host.StartAsync();
try
{
    var supervisor = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<RecordingSupervisorKey>();
    var requestBody = Encoding.UTF8.GetBytes("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('x', bodyBytes) + "\"}]}");
    var responseBody = Encoding.UTF8.GetBytes("{\"id\":\"c\",\"choices\":[{\"message\":{\"content\":\"" + new string('y', 2 * bodyBytes) + "\"}}]}");
    var total = sessions * (perSession + 2);

    // Warm-up: one session, so journal start-up is not in the figure.
    Send(supervisor, "warmup", 1, requestBody, responseBody);
    await WaitAsync(() => metrics.RecordingPersisted.Value >= 3, TimeSpan.FromSeconds(60));
    var baseline = metrics.RecordingPersisted.Value;

    var watch = Stopwatch.StartNew();
    for (var s = 0; s < sessions; s++)
    {
        Send(supervisor, $"bench-{s}", perSession, requestBody, responseBody);
    }

    var sendMs = watch.Elapsed.TotalMilliseconds;
    await WaitAsync(() => metrics.RecordingPersisted.Value - baseline + Dropped() >= total, TimeSpan.FromMinutes(5));
    var seconds = watch.Elapsed.TotalSeconds;
    var persisted = metrics.RecordingPersisted.Value - baseline;
    var exchanges = sessions * perSession;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"sessions {sessions}, exchanges {exchanges} ({requestBody.Length} B request + {responseBody.Length} B response bodies), events {total}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"handed over in {sendMs:F0} ms; persisted {persisted} events in {seconds:F2} s = {persisted / seconds:F0} events/s, {exchanges / seconds:F0} exchanges/s; dropped {Dropped()}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"journal file {(new FileInfo(journal.SqliteFile).Length + new FileInfo(journal.SqliteFile + "-wal").Length) / 1024.0 / 1024.0:F1} MiB"));
}
finally
{
    await host.StopAsync();
    Directory.Delete(dataDir, recursive: true);
}

string Progress() => $"persisted {metrics.RecordingPersisted.Value}, dropped {Dropped()}";

double Dropped() => metrics.RecordingDropped.WithLabels("journal_behind").Value;

static void Send(IActorRef supervisor, string session, int exchanges, byte[] requestBody, byte[] responseBody)
{
    var at = DateTimeOffset.UtcNow;
    supervisor.Tell(new RecordingCommands.Opened(new ConnectionInfo(new ConnectionId(session), "127.0.0.1", 40000, 8888, at)));
    for (var i = 0; i < exchanges; i++)
    {
        supervisor.Tell(new RecordingCommands.Exchange("agent", "acme", new ExchangeRecord
        {
            ExchangeId = Guid.CreateVersion7().ToString(), Connection = new ConnectionId(session), Sequence = i,
            ClientIp = "127.0.0.1", ClientPort = 40000, Protocol = "https", HttpVersion = "1.1", Method = "POST",
            Host = "api.openai.com", Port = 443, Path = "/v1/chat/completions", DestinationPort = 443,
            RequestHeaders = new HeaderList([new("Content-Type", "application/json"), new("Authorization", CredentialRedactor.Redacted)]),
            ResponseHeaders = new HeaderList([new("Content-Type", "application/json")]),
            Status = 200, RequestBytes = requestBody.Length, ResponseBytes = responseBody.Length, StartedAt = at.AddMilliseconds(i),
            TtfbMs = 300, LatencyMs = 320, RequestBody = requestBody, ResponseBody = responseBody,
        }));
    }

    supervisor.Tell(new RecordingCommands.Closed(session, at.AddSeconds(1)));
}

async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
{
    var deadline = DateTime.UtcNow + timeout;
    while (!condition())
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException("recording did not finish in time");
        }

        await Task.Delay(20);
        if (Environment.TickCount64 % 5000 < 20)
        {
            Console.Error.WriteLine($"... {Progress()}");
        }
    }
}
