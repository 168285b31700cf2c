using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Sessions;

/// <summary>The running observer enforces <c>--recording-retention</c> on its own: an idle recorded session disappears.</summary>
public sealed class SessionRetentionTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("axom-e2e-retention-").FullName;
    private CaptureUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await CaptureUpstream.StartAsync();

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ShortRetention_IdleSessionDeletedByTheRunningObserver()
    {
        var dataDir = Path.Combine(_folder, "observer");
        await using var observer = ObserverProcess.Start(dataDir, ["--backend-url", "http://127.0.0.1:9/api/v1/signals", "--recording-retention", "4s"]);
        await observer.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using (var client = ObserverClient.Create(observer.ProxyPort, dataDir))
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{_upstream.Port}/status");
            Assert.Equal(200, (int)response.StatusCode);
        }

        // Recorded (events persisted), then deleted once idle for the retention: both show in the metrics.
        var destination = $"127.0.0.1:{_upstream.Port}";
        using var admin = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string metrics;
        do
        {
            await Task.Delay(500);
            metrics = await admin.GetStringAsync(new Uri(observer.AdminUri, "/metrics"));
        }
        while (!metrics.Contains("axom_recording_sessions_deleted_total{reason=\"age\"}", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("axom_recording_sessions_deleted_total{reason=\"age\"}", metrics, StringComparison.Ordinal);
        Assert.Matches("axom_recording_events_persisted_total [1-9]", metrics);
        var list = await SessionsCli.RunAsync(dataDir, "list");
        Assert.DoesNotContain(destination, list, StringComparison.Ordinal);
        Assert.Contains("0 sessions", list, StringComparison.Ordinal);
    }
}
