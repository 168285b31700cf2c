namespace Observer.Backend.Hosting;

/// <summary>Settings of the backend; defaults in code, overridden by flags or environment (see Program).</summary>
public sealed class BackendOptions
{
    public const int DefaultPort = 8080;

    /// <summary>Address Kestrel listens on. Port 0 picks a free port (tests).</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = DefaultPort;

    /// <summary>Folder for the SQLite file when <see cref="DatabasePath"/> is not set.</summary>
    public string DataDir { get; set; } = "axom-backend-data";

    /// <summary>SQLite file; default <c>{DataDir}/signals.db</c>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>When set, <c>POST /api/v1/signals</c> requires <c>Authorization: Bearer {token}</c>.</summary>
    public string? Token { get; set; }

    /// <summary>When set, <c>POST /api/v1/signals</c> requires <c>X-Axom-Signature: sha256={hex HMAC-SHA256 of the body}</c>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Largest accepted request body.</summary>
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    public string ResolveDatabasePath() => DatabasePath ?? Path.Combine(DataDir, "signals.db");

    /// <summary>Fails start-up with a message naming the bad value.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"port {Port} is out of range 0..65535");
        }

        if (Token is { Length: 0 })
        {
            throw new ArgumentException("token is empty: omit it to disable the bearer check");
        }

        if (SigningKey is { Length: 0 })
        {
            throw new ArgumentException("signing key is empty: omit it to disable the signature check");
        }

        if (MaxBodyBytes <= 0)
        {
            throw new ArgumentException($"max body bytes {MaxBodyBytes} must be positive");
        }
    }
}
