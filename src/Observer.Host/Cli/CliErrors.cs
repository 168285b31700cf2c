using Observer.Host.Configuration;
using Observer.Host.Runtime;
using Observer.Proxy.Tls;

namespace Observer.Host.Cli;

/// <summary>Turns configuration and start-up errors into one line on stderr and exit code 2.</summary>
public static class CliErrors
{
    public const int StartupError = 1;
    public const int ConfigurationError = 2;

    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (IsConfigurationError(ex))
        {
            return Report(ex);
        }
    }

    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConfigurationError(ex))
        {
            return Report(ex);
        }
        catch (ObserverStartupException ex)
        {
            Console.Error.WriteLine($"axom-observer: failed to start: {ex.Message.ReplaceLineEndings(" ")}");
            return StartupError;
        }
    }

    public static bool IsConfigurationError(Exception ex) =>
        ex is SettingsException or CertificateAuthorityException;

    private static int Report(Exception ex)
    {
        Console.Error.WriteLine($"axom-observer: {ex.Message.ReplaceLineEndings(" ")}");
        return ConfigurationError;
    }
}
