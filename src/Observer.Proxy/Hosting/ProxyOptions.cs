using Observer.Proxy.Forwarding;

namespace Observer.Proxy;

/// <summary>Settings of the interception engine; defaults in code, the host binds flags/env/file onto it.</summary>
public sealed class ProxyOptions
{
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Listener ports; 0 asks for an ephemeral port (tests).</summary>
    public List<int> Ports { get; } = new();

    public List<ResolveOverride> Resolve { get; } = new();

    /// <summary>Host patterns to decrypt in addition to the provider catalog: exact host or <c>*.suffix</c>.</summary>
    public List<string> Intercept { get; } = new();

    /// <summary>Host patterns that are always tunnelled blind, even when they match the catalog.</summary>
    public List<string> Passthrough { get; } = new();

    public bool InterceptAll { get; set; }

    /// <summary>PEM file with extra roots trusted for upstream TLS (on top of the system roots).</summary>
    public string? UpstreamCaPath { get; set; }

    /// <summary>How many bytes of each request and response body the observation taps copy.</summary>
    public int TapLimitBytes { get; set; } = 1 << 20;

    /// <summary>Idle time after which a stream, WebSocket or tunnel without traffic is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time a client gets to send a complete CONNECT head (and its first tunnelled byte).</summary>
    public TimeSpan ConnectHeadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxConnectHeadBytes { get; set; } = 16 * 1024;

    /// <summary>Header names redacted in records on top of <see cref="Observer.Contracts.Exchanges.CredentialRedactor.DefaultHeaders"/>.</summary>
    public List<string> ExtraRedactedHeaders { get; } = new();

    /// <summary>
    /// Run each connection's transport pipes on the I/O thread that completed the read or write instead of queuing
    /// the next step to the thread pool (Kestrel's <c>UnsafePreferInlineScheduling</c>): fewer thread wake-ups per
    /// exchange. Safe because nothing on the proxy's path blocks. See also <see cref="Hosting.InlineIo"/>.
    /// </summary>
    public bool InlineScheduling { get; set; } = true;

    /// <summary>Capacity of the minted leaf-certificate cache (hosts).</summary>
    public int LeafCacheCapacity { get; set; } = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public void Validate()
    {
        if (!System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            throw new ArgumentException($"bind address '{BindAddress}' is not an IP address");
        }

        if (Ports.Count == 0)
        {
            throw new ArgumentException("at least one proxy port is required");
        }

        foreach (var port in Ports)
        {
            if (port is < 0 or > 65535)
            {
                throw new ArgumentException($"proxy port {port} is out of range 0..65535");
            }
        }

        if (TapLimitBytes < 0)
        {
            throw new ArgumentException($"tap limit {TapLimitBytes} must not be negative");
        }

        if (IdleTimeout <= TimeSpan.Zero || ConnectHeadTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("idle and CONNECT-head timeouts must be positive");
        }

        if (MaxConnectHeadBytes < 64)
        {
            throw new ArgumentException($"max CONNECT head size {MaxConnectHeadBytes} is below 64 bytes");
        }

        if (UpstreamCaPath is not null && !File.Exists(UpstreamCaPath))
        {
            throw new ArgumentException($"upstream CA file '{UpstreamCaPath}' does not exist");
        }
    }
}
