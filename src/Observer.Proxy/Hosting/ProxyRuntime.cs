using Microsoft.Extensions.Logging;
using Observer.Contracts.Exchanges;
using Observer.Proxy.Connect;
using Observer.Proxy.Forwarding;
using Observer.Proxy.Tls;

namespace Observer.Proxy.Hosting;

/// <summary>What every part of one proxy instance shares: settings, policy, resolver, sink, metrics, logger.</summary>
internal sealed class ProxyRuntime
{
    public ProxyRuntime(ProxyOptions options, InterceptionPolicy policy, UpstreamResolver resolver, LeafCertificateCache leaves,
        IExchangeSink sink, ProxyMetrics metrics, ILogger logger)
    {
        Options = options;
        Policy = policy;
        Resolver = resolver;
        Leaves = leaves;
        Sink = sink;
        Metrics = metrics;
        Logger = logger;
        Redactor = new CredentialRedactor(options.ExtraRedactedHeaders, []);
    }

    public ProxyOptions Options { get; }
    public InterceptionPolicy Policy { get; }
    public UpstreamResolver Resolver { get; }
    public LeafCertificateCache Leaves { get; }
    public IExchangeSink Sink { get; }
    public ProxyMetrics Metrics { get; }
    public ILogger Logger { get; }
    public CredentialRedactor Redactor { get; }
}
