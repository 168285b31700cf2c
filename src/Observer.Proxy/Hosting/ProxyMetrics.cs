using Observer.Contracts.Metrics;
using Prometheus;

namespace Observer.Proxy.Hosting;

/// <summary>The proxy's view of <see cref="ObserverMetrics"/>, with labelled children resolved once.</summary>
internal sealed class ProxyMetrics
{
    public const string ModeIntercept = "intercept";
    public const string ModeTunnel = "tunnel";
    public const string ModePlain = "plain";

    private readonly ObserverMetrics _metrics;

    public ProxyMetrics(ObserverMetrics metrics)
    {
        _metrics = metrics;
        AcceptedIntercept = metrics.ConnectionsAccepted.WithLabels(ModeIntercept);
        AcceptedTunnel = metrics.ConnectionsAccepted.WithLabels(ModeTunnel);
        AcceptedPlain = metrics.ConnectionsAccepted.WithLabels(ModePlain);
        ExchangesHttp = metrics.Exchanges.WithLabels("http");
        ExchangesHttps = metrics.Exchanges.WithLabels("https");
        ExchangesWs = metrics.Exchanges.WithLabels("ws");
        ExchangesWss = metrics.Exchanges.WithLabels("wss");
    }

    public Gauge ActiveConnections => _metrics.ActiveConnections;
    public Counter.Child AcceptedIntercept { get; }
    public Counter.Child AcceptedTunnel { get; }
    public Counter.Child AcceptedPlain { get; }
    public Counter.Child ExchangesHttp { get; }
    public Counter.Child ExchangesHttps { get; }
    public Counter.Child ExchangesWs { get; }
    public Counter.Child ExchangesWss { get; }

    public void Exchange(string protocol) =>
        (protocol switch { "https" => ExchangesHttps, "ws" => ExchangesWs, "wss" => ExchangesWss, _ => ExchangesHttp }).Inc();

    public void Error(string type) => _metrics.ProxyErrors.WithLabels(type).Inc();

    public void TapDegraded(string reason) => _metrics.TapDegraded.WithLabels(reason).Inc();
}
