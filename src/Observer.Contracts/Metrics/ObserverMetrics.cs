using Prometheus;

namespace Observer.Contracts.Metrics;

/// <summary>
/// Every metric the observer exports, on one registry per observer instance (so tests running several
/// observers in one process do not share counts). <c>/metrics</c> renders <see cref="Registry"/>.
/// </summary>
public sealed class ObserverMetrics
{
    public ObserverMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);

        ActiveConnections = factory.CreateGauge("axom_proxy_active_connections", "Client connections currently open on the proxy listeners.");
        ConnectionsAccepted = factory.CreateCounter("axom_proxy_connections_total", "Client connections accepted, by mode.", "mode");
        Exchanges = factory.CreateCounter("axom_proxy_exchanges_total", "Request/response exchanges forwarded, by protocol.", "protocol");
        ProxyErrors = factory.CreateCounter("axom_proxy_errors_total", "Exchanges that ended in a proxy error, by type.", "type");
        TapDegraded = factory.CreateCounter("axom_proxy_tap_degraded_total", "Observations cut short because the observer fell behind or a bound was hit.", "reason");
        HandoffOverflow = factory.CreateCounter("axom_observer_handoff_overflow_total", "Observations dropped because the proxy-to-actor hand-off queue was full (traffic flowed on).");
        RequestsObserved = factory.CreateCounter("axom_requests_observed_total", "Exchanges observed, by detected provider ('none' for non-AI traffic).", "provider");
        SignalsProduced = factory.CreateCounter("axom_signals_produced_total", "Signals produced by detection and task correlation, by kind.", "kind");
        SignalsPersisted = factory.CreateCounter("axom_signals_persisted_total", "Signals accepted into the journal.");
        SignalsDelivered = factory.CreateCounter("axom_signals_delivered_total", "Signals confirmed by the backend (2xx).");
        SignalsPending = factory.CreateGauge("axom_signals_pending", "Signals in the journal not yet confirmed by the backend.");
        SignalsDeadLettered = factory.CreateCounter("axom_signals_dead_lettered_total", "Signals moved to the dead-letter store after a non-retryable 4xx.");
        SignalsDropped = factory.CreateCounter("axom_signals_dropped_total", "Signals refused, by reason (e.g. signals_dropped_backlog_full).", "reason");
        DeliveryRetries = factory.CreateCounter("axom_signals_delivery_retries_total", "Batch deliveries retried after a retryable failure.");
        DeliveryLatency = factory.CreateHistogram(
            "axom_signals_delivery_latency_seconds",
            "Time from a signal's acceptance into the journal to its confirmation by the backend.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 16) });
        BacklogBytes = factory.CreateGauge("axom_signals_backlog_bytes", "Bytes of unconfirmed signals held in the journal.");
        RecordingPersisted = factory.CreateCounter("axom_recording_events_persisted_total", "Session recording events written to the journal.");
        RecordingDropped = factory.CreateCounter("axom_recording_dropped_total", "Session recording events dropped (the journal was behind or failing; traffic was unaffected), by reason.", "reason");
        RecordingSessionsDeleted = factory.CreateCounter("axom_recording_sessions_deleted_total", "Recorded sessions deleted by retention, by reason (age, size).", "reason");
    }

    public CollectorRegistry Registry { get; }

    public Gauge ActiveConnections { get; }
    public Counter ConnectionsAccepted { get; }
    public Counter Exchanges { get; }
    public Counter ProxyErrors { get; }
    public Counter TapDegraded { get; }
    public Counter HandoffOverflow { get; }
    public Counter RequestsObserved { get; }
    public Counter SignalsProduced { get; }
    public Counter SignalsPersisted { get; }
    public Counter SignalsDelivered { get; }
    public Gauge SignalsPending { get; }
    public Counter SignalsDeadLettered { get; }
    public Counter SignalsDropped { get; }
    public Counter DeliveryRetries { get; }
    public Histogram DeliveryLatency { get; }
    public Gauge BacklogBytes { get; }
    public Counter RecordingPersisted { get; }
    public Counter RecordingDropped { get; }
    public Counter RecordingSessionsDeleted { get; }

    /// <summary>Renders the registry in the Prometheus text exposition format.</summary>
    public async Task WriteTextAsync(Stream destination, CancellationToken cancellationToken) =>
        await Registry.CollectAndExportAsTextAsync(destination, cancellationToken).ConfigureAwait(false);
}
