namespace Observer.Actors.Shipping;

/// <summary>Backend delivery settings of the shipper (SIGNALS.md, delivery).</summary>
public sealed class ShipperOptions
{
    public string BackendUrl { get; set; } = "http://localhost:8080/api/v1/signals";

    /// <summary>Sent as <c>Authorization: Bearer</c>; never logged.</summary>
    public string? BackendToken { get; set; }

    /// <summary>HMAC-SHA256 key for <c>X-Axom-Signature</c>; null sends no signature header.</summary>
    public string? SigningKey { get; set; }

    public string CustomerId { get; set; } = "test-customer";

    public string AgentId { get; set; } = "test-agent";

    /// <summary>Most signals in one POST; also the most signals in one journal event.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a partial batch waits for more signals before it is sent.</summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public int MaxBatchesInFlight { get; set; } = 2;

    /// <summary>Cap of the exponential backoff between retries of one batch.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bytes of unconfirmed signal JSON the journal may hold; past it new signals are refused.</summary>
    public long MaxBacklogBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Most unconfirmed signals held in memory for delivery (at least 4 × BatchSize × MaxBatchesInFlight); the rest of
    /// the backlog stays in the journal and is paged back. Bounds the shipper's memory whatever the backlog.
    /// </summary>
    public int MaxSignalsInMemory { get; set; } = 10_000;

    /// <summary>
    /// Distinguishes shippers that share one journal database (PostgreSQL, clustered): each node needs its own,
    /// stable across restarts, or two nodes would write one event stream.
    /// </summary>
    public string ShipperId { get; set; } = "default";

    /// <summary>Compaction (snapshot + delete of confirmed events) runs once this many events are confirmed.</summary>
    public int CompactEveryEvents { get; set; } = 200;

    public string PersistenceId => $"axom-signal-shipper-{ShipperId}";

    /// <summary>Throws with the name of the bad value.</summary>
    public void Validate()
    {
        if (!Uri.TryCreate(BackendUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"backend url '{BackendUrl}' is not an absolute http(s) URL", nameof(BackendUrl));
        }

        Require(BatchSize is >= 1 and <= 100_000, nameof(BatchSize), BatchSize);
        Require(BatchDelay >= TimeSpan.Zero, nameof(BatchDelay), BatchDelay);
        Require(MaxBatchesInFlight is >= 1 and <= 64, nameof(MaxBatchesInFlight), MaxBatchesInFlight);
        Require(InitialBackoff > TimeSpan.Zero, nameof(InitialBackoff), InitialBackoff);
        Require(MaxBackoff >= InitialBackoff, nameof(MaxBackoff), MaxBackoff);
        Require(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), RequestTimeout);
        Require(MaxBacklogBytes >= 1024 * 1024, nameof(MaxBacklogBytes), MaxBacklogBytes);
        Require(MaxSignalsInMemory >= 1, nameof(MaxSignalsInMemory), MaxSignalsInMemory);
        Require(CompactEveryEvents >= 1, nameof(CompactEveryEvents), CompactEveryEvents);
        Require(!string.IsNullOrWhiteSpace(ShipperId), nameof(ShipperId), ShipperId);
    }

    private static void Require(bool ok, string name, object value)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"shipper setting {name} = {value} is out of range");
        }
    }
}
