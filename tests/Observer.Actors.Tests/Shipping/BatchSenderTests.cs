using System.Net;
using System.Net.Sockets;
using System.Text;
using Observer.Actors.Shipping;
using Observer.Testing;

namespace Observer.Actors.Tests.Shipping;

/// <summary>The HTTP sender against a real Kestrel backend: SIGNALS.md headers, signature, classification.</summary>
public sealed class BatchSenderTests
{
    private static OutgoingBatch Batch(int count) =>
        new([new PendingEvent(1, 0, SampleSignals.Many(count).Select(StoredSignal.From).ToList())]);

    [Fact]
    public async Task Post_CarriesContractHeadersAndValidSignature()
    {
        await using var backend = await TestBackend.StartAsync();
        var options = ShipperTestHost.FastOptions(backend.Url);
        using var sender = new BatchSender(options);
        var batch = Batch(3);

        var result = await sender.SendAsync(batch.BatchId, batch.Body, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        var received = Assert.Single(backend.Batches);
        Assert.Equal("Bearer token-1", received.Headers["Authorization"]);
        Assert.Equal(options.CustomerId, received.Headers["X-Axom-Customer-Id"]);
        Assert.Equal(options.AgentId, received.Headers["X-Axom-Agent-Id"]);
        Assert.Equal(batch.BatchId, received.Headers["X-Axom-Batch-Id"]);
        Assert.StartsWith("axom-observer/", received.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        var expected = "sha256=" + BatchSender.Sign(Encoding.UTF8.GetBytes("signing-key-1"), batch.Body.Span);
        Assert.Equal(expected, received.Headers["X-Axom-Signature"]);
        Assert.Equal(Encoding.UTF8.GetString(batch.Body.Span), received.Body);
    }

    [Fact]
    public async Task NoTokenNoKey_SendsNeitherHeader()
    {
        await using var backend = await TestBackend.StartAsync();
        using var sender = new BatchSender(new ShipperOptions { BackendUrl = backend.Url });
        var batch = Batch(1);

        await sender.SendAsync(batch.BatchId, batch.Body, TestContext.Current.CancellationToken);

        var received = Assert.Single(backend.Batches);
        Assert.False(received.Headers.ContainsKey("Authorization"));
        Assert.False(received.Headers.ContainsKey("X-Axom-Signature"));
    }

    [Fact]
    public async Task TooManyRequests_RetryWithRetryAfter()
    {
        await using var backend = await TestBackend.StartAsync();
        backend.Status = () => 429;
        backend.RetryAfter = TimeSpan.FromSeconds(7);
        using var sender = new BatchSender(ShipperTestHost.FastOptions(backend.Url));
        var batch = Batch(1);

        var result = await sender.SendAsync(batch.BatchId, batch.Body, TestContext.Current.CancellationToken);

        Assert.Equal((DeliveryOutcome.Retry, 429, (TimeSpan?)TimeSpan.FromSeconds(7)), (result.Outcome, result.Status, result.RetryAfter));
    }

    [Fact]
    public async Task SlowBackend_TimeoutIsRetry()
    {
        await using var backend = await TestBackend.StartAsync();
        backend.Delay = TimeSpan.FromSeconds(5);
        var options = ShipperTestHost.FastOptions(backend.Url);
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        using var sender = new BatchSender(options);
        var batch = Batch(1);

        var result = await sender.SendAsync(batch.BatchId, batch.Body, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Retry, result.Outcome);
        Assert.Contains("timeout", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingListening_ConnectionErrorIsRetry()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var sender = new BatchSender(new ShipperOptions { BackendUrl = $"http://127.0.0.1:{port}/api/v1/signals" });
        var batch = Batch(1);

        var result = await sender.SendAsync(batch.BatchId, batch.Body, TestContext.Current.CancellationToken);

        Assert.Equal((DeliveryOutcome.Retry, 0), (result.Outcome, result.Status));
    }
}
