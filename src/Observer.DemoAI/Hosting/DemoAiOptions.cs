namespace Observer.DemoAI.Hosting;

/// <summary>Settings of the demo provider; defaults in code, overridden by flags.</summary>
public sealed class DemoAiOptions
{
    public const int DefaultHttpPort = 5002;
    public const int DefaultHttpsPort = 5443;

    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Plain HTTP port; 0 picks a free port.</summary>
    public int HttpPort { get; set; } = DefaultHttpPort;

    /// <summary>HTTPS port serving certificates for the real provider hostnames; null disables HTTPS, 0 picks a free port.</summary>
    public int? HttpsPort { get; set; } = DefaultHttpsPort;

    /// <summary>Where the demo CA certificate (PEM) is written when HTTPS is on.</summary>
    public string CaOut { get; set; } = "demo-ca.pem";

    /// <summary>Time before the response headers, like a provider's queueing and prompt processing.</summary>
    public int LatencyMs { get; set; } = 150;

    /// <summary>Pause between streamed chunks.</summary>
    public int ChunkDelayMs { get; set; } = 30;

    public void Validate()
    {
        if (HttpPort is < 0 or > 65535)
        {
            throw new ArgumentException($"http port {HttpPort} is out of range 0..65535");
        }

        if (HttpsPort is < 0 or > 65535)
        {
            throw new ArgumentException($"https port {HttpsPort} is out of range 0..65535");
        }

        if (LatencyMs is < 0 or > 60_000)
        {
            throw new ArgumentException($"latency {LatencyMs} ms is out of range 0..60000");
        }

        if (ChunkDelayMs is < 0 or > 10_000)
        {
            throw new ArgumentException($"chunk delay {ChunkDelayMs} ms is out of range 0..10000");
        }
    }
}
