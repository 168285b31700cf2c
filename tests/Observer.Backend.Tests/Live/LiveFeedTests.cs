using System.Text.Json;
using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Live;

public sealed class LiveFeedTests : IAsyncLifetime
{
    private RunningBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await RunningBackend.StartAsync();

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task NewSignals_ArePushedAsEventsAndDuplicatesAreNot()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await _backend.Client.GetAsync("/api/v1/live", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("retry: 3000", await reader.ReadLineAsync(timeout.Token));

        var first = Signals.Call();
        var second = Signals.Call(provider: "anthropic");
        (await _backend.Client.PostAsync("/api/v1/signals", Signals.Batch(first))).EnsureSuccessStatusCode();
        (await _backend.Client.PostAsync("/api/v1/signals", Signals.Batch(first))).EnsureSuccessStatusCode();
        (await _backend.Client.PostAsync("/api/v1/signals", Signals.Batch(second, Signals.Task("t-live", [second])))).EnsureSuccessStatusCode();

        var events = new List<(string Event, string Id)>();
        string? name = null;
        while (events.Count < 3)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name!, JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("id").GetString()!));
            }
        }

        Assert.Equal([(SignalKinds.AiCall, first.Id), (SignalKinds.AiCall, second.Id), (SignalKinds.Task, "t-live")], events);
    }
}
