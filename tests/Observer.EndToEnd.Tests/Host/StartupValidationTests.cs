using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Host;

/// <summary>Each bad setting stops the real program before it listens: exit code 2 and one line naming the value.</summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("axom-e2e-bad-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Theory]
    [InlineData("--proxy-port", "99999", "axom-observer: --proxy-port: '99999' is not a port number (0-65535)")]
    [InlineData("--backend-url", "localhost:8080", "axom-observer: --backend-url: 'localhost:8080' is not an absolute http:// or https:// URL")]
    [InlineData("--log-level", "chatty", "axom-observer: --log-level: 'chatty' is not a log level (debug, info, warn, error)")]
    [InlineData("--upstream-ca", "/nonexistent/roots.pem", "axom-observer: --upstream-ca: cannot read file '/nonexistent/roots.pem'")]
    public async Task BadFlag_ExitsNonZeroWithOneLineReason(string flag, string value, string expectedStart)
    {
        var result = await ObserverProcess.RunToEndAsync(["run", "--data-dir", _dataDir, flag, value]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadEnvironmentValue_ExitsNonZeroNamingTheVariable()
    {
        var result = await ObserverProcess.RunToEndAsync(["run", "--data-dir", _dataDir], new Dictionary<string, string> { ["ADMIN_PORT"] = "admin" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("axom-observer: environment variable ADMIN_PORT: 'admin' is not a port number (0-65535)", result.StdErr.Trim());
    }

    [Fact]
    public async Task UnreadableCaFiles_ExitNonZeroNamingTheFile()
    {
        var cert = Path.Combine(_dataDir, "ca.pem");
        var key = Path.Combine(_dataDir, "ca.key");
        await File.WriteAllTextAsync(cert, "this is not a certificate");
        await File.WriteAllTextAsync(key, "this is not a key");

        var result = await ObserverProcess.RunToEndAsync(["run", "--data-dir", _dataDir, "--ca-cert", cert, "--ca-key", key]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(cert, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortAlreadyInUse_ExitsNonZeroNamingThePort()
    {
        using var blocker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((System.Net.IPEndPoint)blocker.LocalEndpoint).Port;

        var result = await ObserverProcess.RunToEndAsync(
            ["run", "--data-dir", _dataDir, "--proxy-port", port.ToString(), "--https-proxy-port", FreePort.Next().ToString(), "--admin-port", FreePort.Next().ToString()],
            timeout: TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(port.ToString(), result.StdErr + result.StdOut, StringComparison.Ordinal);
    }
}
