using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Host;

/// <summary>The real axom-observer process: start on embedded defaults, readiness, admin endpoint, graceful SIGTERM.</summary>
public sealed class ObserverLifecycleTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("axom-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task StartOnDefaults_BecomesReadyServesCaAndExitsZeroOnSigterm()
    {
        const int graceSeconds = 5;
        await using var observer = ObserverProcess.Start(_dataDir, ["--shutdown-grace", $"{graceSeconds}s"]);
        await observer.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        using var client = new HttpClient();
        var healthz = await client.GetAsync(new Uri(observer.AdminUri, "/healthz"));
        var caPem = await client.GetStringAsync(new Uri(observer.AdminUri, "/ca.pem"));
        var metrics = await client.GetStringAsync(new Uri(observer.AdminUri, "/metrics"));

        Assert.True(healthz.IsSuccessStatusCode);
        using var ca = X509Certificate2.CreateFromPem(caPem);
        Assert.Contains("Axom", ca.Subject, StringComparison.Ordinal);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.DoesNotContain("PRIVATE KEY", caPem, StringComparison.Ordinal);
        Assert.Contains("axom_proxy_active_connections", metrics, StringComparison.Ordinal);
        Assert.Contains("axom_signals_pending", metrics, StringComparison.Ordinal);
        Assert.Contains($"HTTPS_PROXY=http://127.0.0.1:{observer.ProxyPort}", observer.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dataDir, "ca", "ca.pem")));

        var stopwatch = Stopwatch.StartNew();
        observer.Signal(UnixSignals.SigTerm);
        var exitCode = await observer.WaitForExitAsync(TimeSpan.FromSeconds(graceSeconds + 25));

        Assert.Equal(0, exitCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(graceSeconds + 25), observer.Output);
    }

    [Fact]
    public async Task SecondStart_ReusesTheGeneratedCa()
    {
        var first = await ObserverProcess.RunToEndAsync(["ca", "export", "--data-dir", _dataDir]);
        var second = await ObserverProcess.RunToEndAsync(["ca", "export", "--data-dir", _dataDir]);

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", first.StdOut, StringComparison.Ordinal);
        Assert.Equal(first.StdOut, second.StdOut);
        Assert.DoesNotContain("PRIVATE KEY", first.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaExportToFile_WritesOnlyTheCertificate()
    {
        var output = Path.Combine(_dataDir, "exported.pem");

        var result = await ObserverProcess.RunToEndAsync(["ca", "export", "--data-dir", _dataDir, "--out", output]);

        Assert.Equal(0, result.ExitCode);
        var pem = await File.ReadAllTextAsync(output);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_dataDir, "ca", "ca.pem")), pem);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var result = await ObserverProcess.RunToEndAsync(["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StdOut.Trim());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("ca")]
    [InlineData("ca export")]
    public async Task HelpOnEveryCommand_DescribesIt(string command)
    {
        var result = await ObserverProcess.RunToEndAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.StdOut, StringComparison.Ordinal);
    }
}
