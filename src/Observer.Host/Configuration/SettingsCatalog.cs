using Observer.Proxy.Forwarding;

namespace Observer.Host.Configuration;

/// <summary>The table of every setting: flag, environment variables, default and parser (README's configuration table).</summary>
public static class SettingsCatalog
{
    public static IReadOnlyList<SettingDescriptor> All { get; } =
    [
        Text("customer-id", ["CUSTOMER_ID"], "Customer id stamped on every signal.", "test-customer", (s, v) => s.CustomerId = v),
        Text("agent-id", ["AGENT_ID"], "Agent id stamped on signals (a request's X-Axom-Agent-Id overrides it).", "test-agent", (s, v) => s.AgentId = v),
        Scalar("backend-url", ["BACKEND_URL"], "Where signals are POSTed.", "http://localhost:8080/api/v1/signals",
            (s, v) => Set(ValueParsers.HttpUrl(v, out var url), () => s.BackendUrl = url)),
        Text("backend-token", ["BACKEND_TOKEN", "AGENT_SECRET"], "Bearer token for the backend.", "none", (s, v) => s.BackendToken = v),
        Text("backend-signing-key", ["BACKEND_SIGNING_KEY"], "HMAC-SHA256 key for the X-Axom-Signature header.", "none", (s, v) => s.BackendSigningKey = v),
        Scalar("log-level", ["LOG_LEVEL"], "debug, info, warn or error.", "info",
            (s, v) => Set(ValueParsers.LogLevel(v, out var level), () => s.LogLevel = level)),
        Scalar("bind", ["BIND_ADDRESS"], "Address the proxy and admin listeners bind to.", "127.0.0.1",
            (s, v) => Set(ValueParsers.IpAddress(v, out var address), () => s.BindAddress = address)),
        Scalar("proxy-port", ["PROXY_PORT"], "Proxy listener port (HTTP proxy requests and CONNECT).", "8888",
            (s, v) => Set(ValueParsers.Port(v, allowZero: true, out var port), () => s.ProxyPort = port)),
        Scalar("https-proxy-port", ["HTTPS_PROXY_PORT"], "Second proxy listener with identical behaviour.", "8443",
            (s, v) => Set(ValueParsers.Port(v, allowZero: true, out var port), () => s.HttpsProxyPort = port)),
        Scalar("admin-port", ["ADMIN_PORT"], "Admin endpoint port (/healthz, /readyz, /metrics, /ca.pem).", "2112",
            (s, v) => Set(ValueParsers.Port(v, allowZero: true, out var port), () => s.AdminPort = port)),
        Text("data-dir", ["DATA_DIR"], "Directory for the journal and the generated CA.", "./data", (s, v) => s.DataDir = v),
        Scalar("ca-cert", ["CA_CERT"], "PEM CA certificate to sign intercepted hosts' certificates.", "{data-dir}/ca/ca.pem (generated)",
            (s, v) => Set(ValueParsers.ReadableFile(v), () => s.CaCert = v)),
        Scalar("ca-key", ["CA_KEY"], "PEM private key of --ca-cert.", "{data-dir}/ca/ca.key (generated)",
            (s, v) => Set(ValueParsers.ReadableFile(v), () => s.CaKey = v)),
        Scalar("upstream-ca", ["UPSTREAM_CA"], "Extra PEM roots trusted when validating upstream servers.", "none",
            (s, v) => Set(ValueParsers.ReadableFile(v), () => s.UpstreamCa = v)),
        List("resolve", ["RESOLVE"], "HOST:PORT=ADDR:PORT: connect to ADDR:PORT whenever HOST:PORT is requested.", "none",
            (s, v) => ResolveOverride.TryParse(v, out _, out var error) ? Add(s.Resolve, v) : error ?? $"'{v}' is not HOST:PORT=ADDR:PORT"),
        List("intercept", ["INTERCEPT"], "Host pattern (exact or *.suffix) to decrypt besides the provider catalog.", "none",
            (s, v) => HostPatternError(v) ?? Add(s.Intercept, v)),
        List("passthrough", ["PASSTHROUGH"], "Host pattern always tunnelled blind (never decrypted).", "none",
            (s, v) => HostPatternError(v) ?? Add(s.Passthrough, v)),
        Switch("intercept-all", ["INTERCEPT_ALL"], "Decrypt every CONNECT, not only AI providers.", "false", (s, v) => s.InterceptAll = v),
        List("local-hosts", ["LOCAL_HOSTS"], "host:port of local OpenAI-compatible servers (Ollama, vLLM) to observe.", "none",
            (s, v) => Add(s.LocalHosts, v)),
        Scalar("tap-limit", ["TAP_LIMIT"], "Bytes of each request/response body kept for parsing.", "1MiB",
            (s, v) => Set(ValueParsers.Size(v, out var bytes) ?? (bytes > int.MaxValue ? $"'{v}' is larger than 2GiB" : null), () => s.TapLimitBytes = (int)bytes)),
        Scalar("idle-timeout", ["IDLE_TIMEOUT"], "Idle timeout of streams, tunnels and WebSockets.", "10m",
            (s, v) => Set(ValueParsers.Duration(v, out var d), () => s.IdleTimeout = d)),
        Switch("inline-io", ["INLINE_IO"], "Run socket completions and proxy pipes on I/O threads (fewer thread hops, lower latency).", "true",
            (s, v) => s.InlineIo = v),
        Scalar("shutdown-grace", ["SHUTDOWN_GRACE"], "How long in-flight exchanges may finish on shutdown.", "15s",
            (s, v) => Set(ValueParsers.Duration(v, out var d), () => s.ShutdownGrace = d)),
        Text("cluster-host", ["CLUSTER_HOST"], "Host name other cluster nodes reach this node by.", "127.0.0.1", (s, v) => s.ClusterHost = v),
        Scalar("cluster-port", ["CLUSTER_PORT"], "Akka remoting port (0: any free port).", "0",
            (s, v) => Set(ValueParsers.Port(v, allowZero: true, out var port), () => s.ClusterPort = port)),
        List("cluster-seeds", ["CLUSTER_SEEDS"], "Seed node addresses (akka.tcp://axom-observer@host:port); none = a one-node cluster.", "none",
            (s, v) => v.StartsWith("akka.tcp://", StringComparison.Ordinal) ? Add(s.ClusterSeeds, v) : $"'{v}' is not an akka.tcp:// address"),
        Scalar("task-idle-gap", ["TASK_IDLE_GAP"], "A task closes after this long without calls.", "30s",
            (s, v) => Set(ValueParsers.Duration(v, out var d), () => s.TaskIdleGap = d)),
        Scalar("task-max-duration", ["TASK_MAX_DURATION"], "A task closes as timed_out after this long.", "30m",
            (s, v) => Set(ValueParsers.Duration(v, out var d), () => s.TaskMaxDuration = d)),
        Scalar("journal", ["JOURNAL"], "sqlite (embedded, under --data-dir) or postgres.", "sqlite",
            (s, v) => v is "sqlite" or "postgres" ? Set(null, () => s.Journal = v) : $"'{v}' is not a journal (sqlite, postgres)"),
        Scalar("node-id", ["NODE_ID"], "Stable name of this node in a shared (PostgreSQL) journal; must survive restarts.", "default (sqlite), {cluster-host}-{cluster-port} (postgres)",
            (s, v) => v.Length > 0 && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                ? Set(null, () => s.NodeId = v)
                : $"'{v}' is not a node id (letters, digits, '-', '_', '.')"),
        Text("journal-connection", ["JOURNAL_CONNECTION"], "PostgreSQL connection string (with --journal postgres).", "none", (s, v) => s.JournalConnection = v),
        Scalar("batch-size", ["BATCH_SIZE"], "Signals per delivery batch at most.", "500",
            (s, v) => Set(ValueParsers.PositiveInt(v, out var n), () => s.BatchSize = n)),
        Scalar("batch-delay", ["BATCH_DELAY"], "How long a batch may wait to fill.", "200ms",
            (s, v) => Set(ValueParsers.Duration(v, out var d), () => s.BatchDelay = d)),
        Scalar("max-backoff", ["MAX_BACKOFF"], "Cap of the retry backoff.", "60s",
            (s, v) => Set(ValueParsers.Duration(v, out var d), () => s.MaxBackoff = d)),
        Scalar("max-backlog", ["MAX_BACKLOG"], "Bound of undelivered signals on disk.", "1GiB",
            (s, v) => Set(ValueParsers.Size(v, out var bytes), () => s.MaxBacklogBytes = bytes)),
        Switch("record-bodies", ["RECORD_BODIES"], "Record request/response bodies (up to --tap-limit) in session recordings; false keeps metadata only.", "true",
            (s, v) => s.RecordBodies = v),
        Scalar("recording-retention", ["RECORDING_RETENTION"], "Recorded sessions idle for longer than this are deleted.", "24h",
            (s, v) => Set(ValueParsers.Duration(v, out var d), () => s.RecordingRetention = d)),
        Scalar("recording-max-size", ["RECORDING_MAX_SIZE"], "Bound of recorded sessions on disk; the oldest are deleted beyond it.", "512MiB",
            (s, v) => Set(ValueParsers.Size(v, out var bytes) ?? (bytes < 1 << 20 ? $"'{v}' is less than 1MiB" : null), () => s.RecordingMaxSizeBytes = bytes)),
    ];

    private static SettingDescriptor Text(string name, string[] env, string description, string defaultText, Action<ObserverSettings, string> apply) =>
        new(name, env, description, defaultText, SettingShape.Scalar, (s, v) =>
        {
            if (string.IsNullOrWhiteSpace(v))
            {
                return "must not be empty";
            }

            apply(s, v);
            return null;
        });

    private static SettingDescriptor Scalar(string name, string[] env, string description, string defaultText, Func<ObserverSettings, string, string?> apply) =>
        new(name, env, description, defaultText, SettingShape.Scalar, apply);

    private static SettingDescriptor Switch(string name, string[] env, string description, string defaultText, Action<ObserverSettings, bool> apply) =>
        new(name, env, description, defaultText, SettingShape.Switch, (s, v) => Set(ValueParsers.Bool(v, out var b), () => apply(s, b)));

    private static SettingDescriptor List(string name, string[] env, string description, string defaultText, Func<ObserverSettings, string, string?> apply) =>
        new(name, env, description, defaultText, SettingShape.List, apply);

    private static string? Set(string? error, Action apply)
    {
        if (error is null)
        {
            apply();
        }

        return error;
    }

    private static string? Add(List<string> list, string value)
    {
        list.Add(value);
        return null;
    }

    private static string? HostPatternError(string pattern)
    {
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return host.Length > 0 && Uri.CheckHostName(host) != UriHostNameType.Unknown
            ? null
            : $"'{pattern}' is not a host pattern (exact host or *.suffix)";
    }
}
