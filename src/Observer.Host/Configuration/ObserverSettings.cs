namespace Observer.Host.Configuration;

/// <summary>
/// Every setting of the observer, with its default. Bound from flags, environment and the config file by
/// <see cref="SettingsLoader"/> (precedence: flag &gt; env &gt; file &gt; default); the table is <see cref="SettingsCatalog"/>.
/// </summary>
public sealed class ObserverSettings
{
    public string CustomerId { get; set; } = "test-customer";
    public string AgentId { get; set; } = "test-agent";
    public string BackendUrl { get; set; } = "http://localhost:8080/api/v1/signals";
    public string? BackendToken { get; set; }
    public string? BackendSigningKey { get; set; }
    public LogLevelSetting LogLevel { get; set; } = LogLevelSetting.Info;
    public string BindAddress { get; set; } = "127.0.0.1";
    public int ProxyPort { get; set; } = 8888;
    public int HttpsProxyPort { get; set; } = 8443;
    public int AdminPort { get; set; } = 2112;
    public string DataDir { get; set; } = "./data";
    public string? CaCert { get; set; }
    public string? CaKey { get; set; }
    public string? UpstreamCa { get; set; }
    public List<string> Resolve { get; } = [];
    public List<string> Intercept { get; } = [];
    public List<string> Passthrough { get; } = [];
    public bool InterceptAll { get; set; }
    public bool InlineIo { get; set; } = true;
    public List<string> LocalHosts { get; } = [];
    public int TapLimitBytes { get; set; } = 1 << 20;
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(15);
    public string ClusterHost { get; set; } = "127.0.0.1";
    public int ClusterPort { get; set; }
    public List<string> ClusterSeeds { get; } = [];
    public TimeSpan TaskIdleGap { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan TaskMaxDuration { get; set; } = TimeSpan.FromMinutes(30);
    public string Journal { get; set; } = "sqlite";

    /// <summary>
    /// This node's stable name in a shared journal (its shipper's persistence id). Defaults to <c>default</c> with
    /// the per-node SQLite file, and to <c>{cluster-host}-{cluster-port}</c> with PostgreSQL.
    /// </summary>
    public string? NodeId { get; set; }
    public string? JournalConnection { get; set; }
    public int BatchSize { get; set; } = 500;
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
    public long MaxBacklogBytes { get; set; } = 1L << 30;
    public bool RecordBodies { get; set; } = true;
    public TimeSpan RecordingRetention { get; set; } = TimeSpan.FromHours(24);
    public long RecordingMaxSizeBytes { get; set; } = 512L << 20;

    /// <summary>The YAML file the settings were read from, if any (it also holds providers, prices and rules tables).</summary>
    public string? ConfigFile { get; set; }
}

public enum LogLevelSetting
{
    Debug,
    Info,
    Warn,
    Error,
}
