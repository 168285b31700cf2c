using System.Net;

namespace Observer.DemoAI.Agent;

/// <summary>Settings of <c>axom-demo-ai agent</c>.</summary>
public sealed class DemoAgentOptions
{
    /// <summary>Forward proxy (the observer), e.g. <c>http://127.0.0.1:8888</c>; falls back to <c>HTTPS_PROXY</c>.</summary>
    public Uri? Proxy { get; set; }

    /// <summary>PEM file of the CA that signs the certificates the agent will see (the observer's CA, or the demo CA when direct).</summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// Without a proxy: connect every request to this endpoint instead of resolving the provider hostname
    /// (like curl's <c>--resolve</c>), keeping the hostname for SNI and certificate validation.
    /// </summary>
    public IPEndPoint? ConnectTo { get; set; }

    /// <summary>Rounds of all tasks; 0 runs until cancelled.</summary>
    public int Loop { get; set; } = 1;

    /// <summary>Number of the first round (a caller that runs the agent repeatedly keeps counting).</summary>
    public int FirstRound { get; set; } = 1;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause between the tasks of one round, so that inactivity-based grouping can tell them apart.</summary>
    public TimeSpan TaskPause { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Sent as <c>X-Axom-Agent-Id</c> when set.</summary>
    public string? AgentId { get; set; }

    /// <summary>The proxy to use: the option, else <c>HTTPS_PROXY</c>/<c>https_proxy</c>.</summary>
    public Uri? ResolveProxy()
    {
        if (Proxy is not null)
        {
            return Proxy;
        }

        var fromEnv = Environment.GetEnvironmentVariable("HTTPS_PROXY") ?? Environment.GetEnvironmentVariable("https_proxy");
        return string.IsNullOrWhiteSpace(fromEnv) ? null : new Uri(fromEnv.Contains("://", StringComparison.Ordinal) ? fromEnv : "http://" + fromEnv);
    }

    /// <summary>Refuses settings that would send the demo's requests to the real providers on the internet.</summary>
    public void Validate()
    {
        if (ResolveProxy() is null && ConnectTo is null)
        {
            throw new ArgumentException("no route to the demo provider: set --proxy (or HTTPS_PROXY) to the observer, or --connect-to HOST:PORT");
        }

        if (ResolveProxy() is not null && ConnectTo is not null)
        {
            throw new ArgumentException("--proxy and --connect-to exclude each other");
        }

        if (CaFile is not null && !File.Exists(CaFile))
        {
            throw new ArgumentException($"CA file '{CaFile}' does not exist");
        }

        if (Loop < 0 || FirstRound < 1)
        {
            throw new ArgumentException($"--loop {Loop} must not be negative and the first round {FirstRound} must be at least 1");
        }

        if (Interval < TimeSpan.Zero || TaskPause < TimeSpan.Zero)
        {
            throw new ArgumentException("--interval and --pause must not be negative");
        }
    }
}
