using System.Diagnostics;

namespace Observer.Actors.Tests.Persistence;

/// <summary>
/// The PostgreSQL server the journal tests use: <c>AXOM_TEST_POSTGRES</c> when set (CI starts it with
/// <c>.ci/start-postgres.sh</c>). Under CI a missing variable fails the test; locally the fixture runs the script itself.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "AXOM_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;

    public static async Task<string> ConnectionStringAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"{EnvironmentVariable} is not set: under CI, .ci/run must start PostgreSQL with .ci/start-postgres.sh and export the connection string it prints");
        }

        await Gate.WaitAsync();
        try
        {
            return _connectionString ??= await StartWithScriptAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartWithScriptAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, ".ci", "start-postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith(EnvironmentVariable + "=", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            Assert.Fail($"{script} failed (exit {process.ExitCode}): {await error}");
        }

        return line[(EnvironmentVariable.Length + 1)..];
    }
}
