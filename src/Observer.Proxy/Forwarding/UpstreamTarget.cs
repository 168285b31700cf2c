namespace Observer.Proxy.Forwarding;

/// <summary>Per-request feature read by <see cref="ProxyTransformer"/>: where the request goes and its Host header.</summary>
internal sealed record UpstreamTarget(Uri Uri, string HostHeader);
